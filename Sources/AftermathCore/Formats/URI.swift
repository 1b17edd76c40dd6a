/// RFC 3986 absolute URI syntax (`scheme:hier-part[?query][#fragment]`), as JSON Schema's
/// `uri` format means it: structure only, no scheme-specific rules.
enum URISyntax {
    static func isValid(_ text: String) -> Bool {
        let b = Array(text.utf8)[...]
        guard let colon = b.firstIndex(of: UInt8(ascii: ":")), colon > 0, isScheme(b[..<colon]) else { return false }
        var rest = b[(colon + 1)...]
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            guard isQueryOrFragment(rest[(hash + 1)...]) else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            guard isQueryOrFragment(rest[(question + 1)...]) else { return false }
            rest = rest[..<question]
        }
        if rest.starts(with: "//".utf8) {
            let afterSlashes = rest.dropFirst(2)
            let authorityEnd = afterSlashes.firstIndex(of: UInt8(ascii: "/")) ?? afterSlashes.endIndex
            return isAuthority(afterSlashes[..<authorityEnd]) && isPath(afterSlashes[authorityEnd...])
        }
        return isPath(rest)
    }

    private static func isScheme(_ b: ArraySlice<UInt8>) -> Bool {
        guard let first = b.first, ASCII.isAlpha(first) else { return false }
        return b.allSatisfy { ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    }

    private static let subDelims = Set("!$&'()*+,;=".utf8)

    private static func isUnreserved(_ c: UInt8) -> Bool {
        ASCII.isAlphanumeric(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: "~")
    }

    /// Checks every byte against `allowed`, accepting well-formed `%XX` escapes.
    private static func allChars(_ b: ArraySlice<UInt8>, _ allowed: (UInt8) -> Bool) -> Bool {
        var i = b.startIndex
        while i < b.endIndex {
            if b[i] == UInt8(ascii: "%") {
                guard i + 2 < b.endIndex, ASCII.isHexDigit(b[i + 1]), ASCII.isHexDigit(b[i + 2]) else { return false }
                i += 3
                continue
            }
            guard allowed(b[i]) else { return false }
            i += 1
        }
        return true
    }

    private static func isPchar(_ c: UInt8) -> Bool {
        isUnreserved(c) || subDelims.contains(c) || c == UInt8(ascii: ":") || c == UInt8(ascii: "@")
    }

    private static func isPath(_ b: ArraySlice<UInt8>) -> Bool {
        allChars(b) { isPchar($0) || $0 == UInt8(ascii: "/") }
    }

    private static func isQueryOrFragment(_ b: ArraySlice<UInt8>) -> Bool {
        allChars(b) { isPchar($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }
    }

    private static func isAuthority(_ b: ArraySlice<UInt8>) -> Bool {
        var hostPort = b
        if let at = b.lastIndex(of: UInt8(ascii: "@")) {
            guard allChars(b[..<at], { isUnreserved($0) || subDelims.contains($0) || $0 == UInt8(ascii: ":") }) else { return false }
            hostPort = b[(at + 1)...]
        }
        var port: ArraySlice<UInt8> = []
        if hostPort.first == UInt8(ascii: "[") {
            guard let close = hostPort.firstIndex(of: UInt8(ascii: "]")),
                  IPAddress.isIPv6(hostPort[(hostPort.startIndex + 1)..<close]) else { return false }
            let after = hostPort[(close + 1)...]
            if !after.isEmpty {
                guard after.first == UInt8(ascii: ":") else { return false }
                port = after.dropFirst()
            }
        } else {
            var host = hostPort
            if let colon = hostPort.firstIndex(of: UInt8(ascii: ":")) {
                host = hostPort[..<colon]
                port = hostPort[(colon + 1)...]
            }
            guard allChars(host, { isUnreserved($0) || subDelims.contains($0) }) else { return false }
        }
        return port.allSatisfy(ASCII.isDigit)
    }
}
