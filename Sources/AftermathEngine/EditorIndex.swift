import AftermathCore

/// The documents of one checked state, for an editor's lookups (definition, hover,
/// completion, references, symbols), answered without validating again.
///
/// After a check in full, every document is in memory. After a check through the summary,
/// the documents the check re-read are; the others are the summary's listed fields (title,
/// status, owner, links — no positions), and a lookup that needs whole documents (one ID, one
/// document's links) reads them by the versions the check judged.
public final class EditorIndex {
    private enum Source {
        case whole(RepositoryIndex, paths: Set<RepositoryPath>)
        case summary(SummarisedState)
    }

    private let source: Source

    /// A check through the summary: the validator, the state's delta from the summary and what
    /// validating it found, and the summary's listed documents (decoded at the first lookup
    /// that needs them, then kept by the session for later checks).
    struct SummarisedState {
        var validator: IncrementalValidator
        var delta: SnapshotDelta
        var state: IncrementalValidator.State
        var filter: DocumentPathFilter
        var listed: ListedSummary
    }

    init(whole index: RepositoryIndex, paths: [RepositoryPath]) { source = .whole(index, paths: Set(paths)) }

    init(_ summarised: SummarisedState) { source = .summary(summarised) }

    /// Whether the state holds `path` as a document (an `.md` file under a root, readable or not).
    public func isDocument(_ path: RepositoryPath) -> Bool {
        switch source {
        case .whole(_, let paths): return paths.contains(path)
        case .summary(let s):
            guard s.filter.matches(path) else { return false }
            if let change = s.delta.changes[path] { return change != nil }
            return s.validator.summary.index(of: path) != nil
        }
    }

    /// The document with `id` (the first by path when several claim it), whole.
    public func document(withID id: String) -> Document? {
        switch source {
        case .whole(let index, _): return index[id]
        case .summary(let s): return (try? s.validator.documents(withID: id, in: s.state, delta: s.delta))?.first
        }
    }

    /// The document at `path`, whole.
    public func document(atPath path: RepositoryPath) -> Document? {
        switch source {
        case .whole(let index, _): return index.documents.first { $0.path == path }
        case .summary(let s):
            if let document = s.state.index.documents.first(where: { $0.path == path }) { return document }
            guard s.delta.changes[path] == nil, let id = s.listed.byPath[path]?.id else { return nil }
            return (try? s.validator.documents(withID: id, in: s.state, delta: s.delta))?.first { $0.path == path }
        }
    }

    /// `document` with every document it is linked to through IDs (its postmortem, findings,
    /// remediation items), whole: what closure and "open items" are worked out from.
    public func neighbourhood(of document: Document) -> RepositoryIndex {
        switch source {
        case .whole(let index, _): return index
        case .summary(let s):
            // A document's component holds its whole family: its keys are its ID and its parent's.
            return (try? s.validator.neighbourhood(of: document, in: s.state, delta: s.delta)) ?? s.state.index
        }
    }

    /// Every document by its fields, in path order: what lists of IDs and titles show.
    public var documents: [ListedDocument] {
        if let combined { return combined }
        let all: [ListedDocument]
        switch source {
        case .whole(let index, _): all = index.documents.map(ListedDocument.init)
        case .summary(let s):
            let reread = s.state.index.documents.sorted { $0.path < $1.path }.map(ListedDocument.init)
            let rereadPaths = Set(reread.map(\.path))
            let kept = s.listed.index.documents.filter { s.delta.changes[$0.path] == nil && !rereadPaths.contains($0.path) }
            all = Self.merged(kept, reread)
        }
        combined = all
        return all
    }

    /// Every document of `kind` by its fields, in path order.
    public func documents(of kind: DocumentKind) -> [ListedDocument] {
        if let found = byKind[kind] { return found }
        let found = documents.filter { $0.kind == kind }
        byKind[kind] = found
        return found
    }

    /// Every document whose `postmortem`, `finding` or `related` names `id`, with the field,
    /// whole (with the field's position).
    public func linking(to id: String) -> [(document: Document, field: String)] {
        func links(_ document: some DocumentFields) -> [String] {
            ["postmortem", "finding", "related"].filter { document.field($0)?.stringList.contains(id) == true }
        }
        switch source {
        case .whole(let index, _):
            return index.documents.flatMap { document in links(document).map { (document, $0) } }
        case .summary:
            return documents.flatMap { listed -> [(document: Document, field: String)] in
                let fields = links(listed)
                guard !fields.isEmpty, let document = self.document(atPath: listed.path) else { return [] }
                return fields.map { (document, $0) }
            }
        }
    }

    private var combined: [ListedDocument]?
    private var byKind: [DocumentKind: [ListedDocument]] = [:]

    /// Two lists in path order as one (the second small: merged, not sorted again).
    private static func merged(_ a: [ListedDocument], _ b: [ListedDocument]) -> [ListedDocument] {
        var result: [ListedDocument] = []
        result.reserveCapacity(a.count + b.count)
        var j = 0
        for document in a {
            while j < b.count && b[j].path < document.path {
                result.append(b[j])
                j += 1
            }
            result.append(document)
        }
        result += b[j...]
        return result
    }
}

/// The summary's listed documents (every document's title, status, owner and links), decoded
/// once per summary and rules and kept between checks.
final class ListedSummary {
    private let make: () -> ListedIndex
    private(set) lazy var index: ListedIndex = make()
    private(set) lazy var byPath: [RepositoryPath: ListedDocument] = {
        var byPath: [RepositoryPath: ListedDocument] = [:]
        for document in index.documents { byPath[document.path] = document }
        return byPath
    }()

    init(_ summary: SummaryFile, ruleset: Ruleset) {
        make = {
            (try? SummaryView.index(summary, delta: SnapshotDelta(), kinds: [.postmortem, .finding, .remediation], openOnly: false,
                                    ruleset: ruleset, read: { _, _ in nil })) ?? ListedIndex([])
        }
    }
}
