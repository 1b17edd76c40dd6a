/// A link target that may be shown as a live link: `http`, `https` or `mailto` only, with every
/// byte that could end a Markdown destination or leave an HTML attribute percent-encoded.
/// Every output that makes links (reports, digests, `list --format markdown`) builds them
/// through this type, so a tracker template or a body link naming `javascript:` or `data:`
/// stays text.
public struct SafeLink: Sendable, Equatable {
    /// The target, percent-encoded: printable ASCII without spaces, quotes, angle brackets,
    /// parentheses, backslashes or backticks.
    public let target: String

    public init?(_ raw: String) {
        let lowered = raw.prefix(8).lowercased()
        guard Self.schemes.contains(where: { lowered.hasPrefix($0) }) else { return nil }
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        for byte in raw.utf8 {
            if Self.kept(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(Self.hex[Int(byte >> 4)]) + String(Self.hex[Int(byte & 0xF)])
            }
        }
        target = out
    }

    private static let schemes = ["http://", "https://", "mailto:"]
    private static let hex = Array("0123456789ABCDEF")

    /// RFC 3986's unreserved and reserved characters and `%`, less what Markdown or HTML would
    /// read as the end of the target: `(`, `)` and `'` (and everything else, non-ASCII included).
    private static func kept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        default: return "-._~:/?#[]@!$&*+,;=%".utf8.contains(byte)
        }
    }
}
