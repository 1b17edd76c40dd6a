/// One postmortem, finding or remediation item as read from a file. Immutable and shared by
/// reference: indexes, rules and views pass documents around a great deal, and copying a
/// struct of this size cost more than the rules themselves.
public final class Document: Sendable {
    public let path: RepositoryPath
    public let kind: DocumentKind
    public let id: String
    private let fields: Fields
    /// What holds the listed fields' bytes (the summary's mapped file), kept while this lives.
    private let fieldsOwner: (any AnyObject & Sendable)?
    public let body: MarkdownBody
    /// True when the file had no reading or schema errors; rules that rely on field shapes
    /// still run on others but must not assume them.
    public let isWellFormed: Bool
    /// A hash of the file's bytes: equal fingerprints mean an unchanged document.
    public let fingerprint: UInt64

    /// The front matter as read from the file, or the listed fields a summary holds.
    private enum Fields: Sendable {
        case read(Node)
        case listed(ListedRecord)
    }

    public init(path: RepositoryPath, kind: DocumentKind, id: String, frontMatter: Node, body: MarkdownBody,
                isWellFormed: Bool = true, fingerprint: UInt64 = 0) {
        self.path = path
        self.kind = kind
        self.id = id
        fields = .read(frontMatter)
        fieldsOwner = nil
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

    /// A document known by its listed fields only (`SummaryFile.listedDocument`), their bytes
    /// held by `owner`.
    init(path: RepositoryPath, kind: DocumentKind, id: String, listed: ListedRecord, keeping owner: any AnyObject & Sendable) {
        self.path = path
        self.kind = kind
        self.id = id
        fields = .listed(listed)
        fieldsOwner = owner
        body = MarkdownBody()
        isWellFormed = true
        fingerprint = 0
    }

    /// The front matter's fields. Built anew on each call for a document known by its listed
    /// fields: a field read often is better read by `field(_:)`.
    public var frontMatter: Node {
        switch fields {
        case .read(let node): return node
        case .listed(let record): return record.node
        }
    }

    /// The front-matter field `key` (the first of that name).
    public func field(_ key: String) -> Node? {
        switch fields {
        case .read(let node): return node[key]
        case .listed(let record): return record.field(key)
        }
    }

    public func string(_ key: String) -> String? { field(key)?.stringValue }
    public func location(of key: String) -> SourceLocation {
        if case .read(let node) = fields { return node.location(of: key) }
        return .fileStart  // the listed fields keep no positions
    }

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
