/// RFC 5321 mailbox syntax (`local@domain`) as JSON Schema's `email` format means it.
enum EmailAddress {
    static func isValid(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard let at = b.lastIndex(of: UInt8(ascii: "@")), at > 0, at < b.count - 1 else { return false }
        return isLocalPart(b[..<at]) && isDomain(b[(at + 1)...])
    }

    private static let atextSymbols = Set("!#$%&'*+/=?^_`{|}~-".utf8)

    private static func isAtext(_ c: UInt8) -> Bool {
        ASCII.isAlphanumeric(c) || atextSymbols.contains(c)
    }

    private static func isLocalPart(_ b: ArraySlice<UInt8>) -> Bool {
        if b.first == UInt8(ascii: "\""), b.count >= 2, b.last == UInt8(ascii: "\"") {
            var i = b.startIndex + 1
            while i < b.endIndex - 1 {
                let c = b[i]
                if c == UInt8(ascii: "\\") { i += 2; continue }
                guard c >= 0x20 && c < 0x7F && c != UInt8(ascii: "\"") else { return false }
                i += 1
            }
            return i == b.endIndex - 1
        }
        return b.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            .allSatisfy { !$0.isEmpty && $0.allSatisfy(isAtext) }
    }

    private static func isDomain(_ b: ArraySlice<UInt8>) -> Bool {
        if b.first == UInt8(ascii: "["), b.last == UInt8(ascii: "]") {
            let inner = b.dropFirst().dropLast()
            if inner.starts(with: "IPv6:".utf8) { return IPAddress.isIPv6(inner.dropFirst(5)) }
            return IPAddress.isIPv4(inner)
        }
        return Hostname.isValid(b)
    }
}

enum Hostname {
    /// Dot-separated labels of letters, digits and inner hyphens, each 1–63 bytes.
    static func isValid(_ b: ArraySlice<UInt8>) -> Bool {
        guard !b.isEmpty, b.count <= 253 else { return false }
        return b.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && label.allSatisfy { ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }
}

enum IPAddress {
    /// Dotted decimal without leading zeros, each octet 0–255.
    static func isIPv4(_ b: ArraySlice<UInt8>) -> Bool {
        let parts = b.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            guard (1...3).contains(part.count), let v = Digits.value(part) else { return false }
            return v <= 255 && !(part.count > 1 && part.first == UInt8(ascii: "0"))
        }
    }

    static func isIPv6(_ b: ArraySlice<UInt8>) -> Bool {
        let text = Array(b)
        guard !text.isEmpty, text.count <= 45 else { return false }
        var groups = 0
        var sawCompression = false
        var i = 0
        if text.starts(with: [0x3A, 0x3A]) { sawCompression = true; i = 2 }
        else if text.first == 0x3A { return false }
        while i < text.count {
            var j = i
            while j < text.count, text[j] != 0x3A { j += 1 }
            let part = text[i..<j]
            if part.contains(UInt8(ascii: ".")) {
                // An embedded IPv4 address ends the address and counts as two groups.
                guard j == text.count, isIPv4(part) else { return false }
                groups += 2
                i = j
                break
            }
            guard (1...4).contains(part.count), part.allSatisfy(ASCII.isHexDigit) else { return false }
            groups += 1
            if j == text.count { i = j; break }
            if j + 1 < text.count, text[j + 1] == 0x3A {
                guard !sawCompression else { return false }
                sawCompression = true
                i = j + 2
            } else {
                guard j + 1 < text.count else { return false }
                i = j + 1
            }
        }
        return sawCompression ? groups <= 7 : groups == 8
    }
}

enum ASCII {
    static func isAlpha(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isAlphanumeric(_ c: UInt8) -> Bool { isAlpha(c) || isDigit(c) }
    static func isHexDigit(_ c: UInt8) -> Bool { isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66) }
}
