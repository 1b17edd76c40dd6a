/// One postmortem, finding or remediation item as read from a file.
public struct Document: Sendable {
    public var path: String
    public var kind: DocumentKind
    public var id: String
    public var frontMatter: Node
    public var body: MarkdownBody
    /// True when the file had no reading or schema errors; rules that rely on field shapes
    /// still run on others but must not assume them.
    public var isWellFormed: Bool
    /// A hash of the file's bytes: equal fingerprints mean an unchanged document.
    public var fingerprint: UInt64 = 0

    public init(path: String, kind: DocumentKind, id: String, frontMatter: Node, body: MarkdownBody, isWellFormed: Bool = true) {
        self.path = path
        self.kind = kind
        self.id = id
        self.frontMatter = frontMatter
        self.body = body
        self.isWellFormed = isWellFormed
    }

    public func string(_ key: String) -> String? { frontMatter[key]?.stringValue }
    public func location(of key: String) -> SourceLocation { frontMatter.location(of: key) }

    public var status: String? { string("status") }
    public var title: String? { string("title") }
    public var owner: String? { string("owner") }

    /// The ID this document links to: a finding's postmortem, a remediation item's finding.
    public var parentID: String? {
        switch kind {
        case .postmortem: return nil
        case .finding: return string("postmortem")
        case .remediation: return string("finding")
        }
    }

    /// Whether the document still needs work (DESIGN.md section 3).
    public var isOpen: Bool {
        guard let status else { return true }
        return !Statuses.resolved(kind).contains(status)
    }
}

/// FNV-1a, 64 bits: a fast content fingerprint (not a security hash).
public enum Fingerprint {
    public static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// The statuses that count as finished, per kind.
public enum Statuses {
    public static func resolved(_ kind: DocumentKind) -> Set<String> {
        switch kind {
        case .postmortem: return ["closed"]
        case .finding: return ["resolved", "accepted-risk"]
        case .remediation: return ["done", "wont-fix"]
        }
    }
}
