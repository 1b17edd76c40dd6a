/// The `format` values Aftermath asserts. Unknown formats are refused when the schema is
/// compiled, so a typo cannot silently switch a check off.
enum FormatChecker {
    static let supported: Set<String> = ["date", "date-time", "email", "uri", "hostname", "ipv4", "ipv6", "uuid"]

    static func isValid(_ value: String, format: String) -> Bool {
        switch format {
        case "date": return Timestamp.parseDate(value) != nil
        case "date-time": return Timestamp.parseDateTime(value) != nil
        case "email": return EmailAddress.isValid(value)
        case "uri": return URISyntax.isValid(value)
        case "hostname": return Hostname.isValid(Array(value.utf8)[...])
        case "ipv4": return IPAddress.isIPv4(Array(value.utf8)[...])
        case "ipv6": return IPAddress.isIPv6(Array(value.utf8)[...])
        case "uuid": return isUUID(value)
        default: return true
        }
    }

    private static func isUUID(_ value: String) -> Bool {
        let b = Array(value.utf8)
        guard b.count == 36 else { return false }
        for (i, c) in b.enumerated() {
            if [8, 13, 18, 23].contains(i) { if c != UInt8(ascii: "-") { return false } }
            else if !ASCII.isHexDigit(c) { return false }
        }
        return true
    }
}
