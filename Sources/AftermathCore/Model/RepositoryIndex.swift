/// All documents of a snapshot by ID, with the links between them.
public struct RepositoryIndex: Sendable {
    public private(set) var documents: [Document] = []
    /// The first document seen for each ID (in path order); duplicates are kept aside.
    public private(set) var byID: [String: Document] = [:]
    public private(set) var duplicates: [String: [Document]] = [:]
    private var children: [String: [Document]] = [:]
    private var byKind: [DocumentKind: [Document]] = [:]
    /// All IDs, sorted, for "did you mean" suggestions.
    public private(set) var sortedIDs: [String] = []

    public init(_ documents: [Document]) {
        self.documents = documents.sorted { $0.path < $1.path }
        for document in self.documents {
            if byID[document.id] == nil {
                byID[document.id] = document
            } else {
                duplicates[document.id, default: [byID[document.id]!]].append(document)
            }
            if let parent = document.parentID { children[parent, default: []].append(document) }
            byKind[document.kind, default: []].append(document)
        }
        sortedIDs = byID.keys.sorted()
    }

    public subscript(id: String) -> Document? { byID[id] }

    public func findings(of postmortemID: String) -> [Document] {
        children[postmortemID, default: []].filter { $0.kind == .finding }
    }

    public func remediations(of findingID: String) -> [Document] {
        children[findingID, default: []].filter { $0.kind == .remediation }
    }

    public func documents(of kind: DocumentKind) -> [Document] { byKind[kind] ?? [] }

    /// The existing ID of `kind` closest to a mistyped one.
    public func suggestion(for id: String, kind: DocumentKind) -> String? {
        Suggestion.closest(to: id, amongSorted: sortedIDs) { self.byID[$0]?.kind == kind }
    }

    /// The postmortem a document belongs to, following links.
    public func postmortem(of document: Document) -> Document? {
        switch document.kind {
        case .postmortem: return document
        case .finding: return document.parentID.flatMap { byID[$0] }
        case .remediation: return document.parentID.flatMap { byID[$0] }.flatMap { postmortem(of: $0) }
        }
    }

    /// Every document under a postmortem: itself, its findings and their remediation items.
    public func tree(of postmortemID: String) -> [Document] {
        guard let pm = byID[postmortemID] else { return [] }
        let findings = findings(of: postmortemID)
        return [pm] + findings + findings.flatMap { remediations(of: $0.id) }
    }
}
