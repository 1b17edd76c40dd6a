/// What a document says in its front matter, without where it says it: what review views
/// (listings, digests, reports) read. A document read from its file (`Document`) and one known
/// only by the fields a summary lists (`ListedDocument`) both answer it; rules take `Document`,
/// which alone knows positions and the body, so the compiler keeps listings from reaching them.
public protocol DocumentFields: AnyObject, Sendable {
    var path: RepositoryPath { get }
    var kind: DocumentKind { get }
    var id: String { get }
    /// The front-matter field `key` (the first of that name).
    func field(_ key: String) -> Node?
    /// The front matter's fields.
    var frontMatter: Node { get }
}

extension DocumentFields {
    public func string(_ key: String) -> String? { field(key)?.stringValue }

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
