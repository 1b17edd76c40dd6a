/// One postmortem, finding or remediation item as read from a file. Immutable and shared by
/// reference: indexes, rules and views pass documents around a great deal, and copying a
/// struct of this size cost more than the rules themselves.
public final class Document: DocumentFields {
    public let path: RepositoryPath
    public let kind: DocumentKind
    public let id: String
    /// The front matter as read from the file, with each value's position.
    public let frontMatter: Node
    public let body: MarkdownBody
    /// True when the file had no reading or schema errors; rules that rely on field shapes
    /// still run on others but must not assume them.
    public let isWellFormed: Bool
    /// A hash of the file's bytes: equal fingerprints mean an unchanged document.
    public let fingerprint: UInt64

    public init(path: RepositoryPath, kind: DocumentKind, id: String, frontMatter: Node, body: MarkdownBody,
                isWellFormed: Bool = true, fingerprint: UInt64 = 0) {
        self.path = path
        self.kind = kind
        self.id = id
        self.frontMatter = frontMatter
        self.body = body
        self.isWellFormed = isWellFormed
        self.fingerprint = fingerprint
    }

    /// A document at a path named by text.
    public convenience init(path: String, kind: DocumentKind, id: String, frontMatter: Node, body: MarkdownBody,
                            isWellFormed: Bool = true, fingerprint: UInt64 = 0) {
        self.init(path: RepositoryPath(path), kind: kind, id: id, frontMatter: frontMatter, body: body,
                  isWellFormed: isWellFormed, fingerprint: fingerprint)
    }

    /// The front-matter field `key` (the first of that name).
    public func field(_ key: String) -> Node? { frontMatter[key] }

    /// Where the field `key` is written (its key).
    public func location(of key: String) -> SourceLocation { frontMatter.location(of: key) }
}
