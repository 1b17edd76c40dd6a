/// A document as a review listing knows it: its front-matter fields and nothing of where they
/// are. Most come from a summary's record (`SummaryFile.listedDocument`), read in place a field
/// at a time; a file changed since the summary is read whole and listed by its fields. It has no
/// positions and no body, and it is not a `Document`, so it cannot reach a rule.
public final class ListedDocument: DocumentFields {
    public let path: RepositoryPath
    public let kind: DocumentKind
    public let id: String
    private let fields: Fields
    /// What holds a record's bytes (the summary's mapped file), kept while this lives.
    private let fieldsOwner: (any AnyObject & Sendable)?

    private enum Fields: Sendable {
        case record(ListedRecord)
        case node(Node)
    }

    /// A document known by a summary's record, its bytes held by `owner`.
    init(path: RepositoryPath, kind: DocumentKind, id: String, record: ListedRecord, keeping owner: any AnyObject & Sendable) {
        self.path = path
        self.kind = kind
        self.id = id
        fields = .record(record)
        fieldsOwner = owner
    }

    /// A document read whole, listed by its fields.
    public init(_ document: Document) {
        path = document.path
        kind = document.kind
        id = document.id
        fields = .node(document.frontMatter)
        fieldsOwner = nil
    }

    /// Built anew on each call for a record: a field read often is better read by `field(_:)`.
    public var frontMatter: Node {
        switch fields {
        case .record(let record): return record.node
        case .node(let node): return node
        }
    }

    public func field(_ key: String) -> Node? {
        switch fields {
        case .record(let record): return record.field(key)
        case .node(let node): return node[key]
        }
    }
}

extension DocumentIndex where D == ListedDocument {
    /// The documents of a read index, listed by their fields.
    public init(listing index: RepositoryIndex) {
        self.init(index.documents.map(ListedDocument.init))
    }
}
