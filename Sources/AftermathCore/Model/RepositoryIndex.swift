import Foundation
import Synchronization

/// All documents of a snapshot by ID, with the links between them: what rules read.
public typealias RepositoryIndex = DocumentIndex<Document>
/// The documents a review listing shows, known by their fields only (`ListedDocument`).
public typealias ListedIndex = DocumentIndex<ListedDocument>

/// Documents by ID, with the links between them.
public struct DocumentIndex<D: DocumentFields>: Sendable {
    public private(set) var documents: [D] = []
    /// The first document seen for each ID (in path order); duplicates are kept aside.
    public private(set) var byID: [String: D] = [:]
    public private(set) var duplicates: [String: [D]] = [:]
    /// Documents by the ID they link to, built on first use: listings never ask, and building
    /// it for 42,000 documents was a tenth of a warm `list`'s time on one thread.
    private let children: ChildrenIndex<D>
    private var byKind: [DocumentKind: [D]] = [:]
    /// Every ID, for "did you mean" suggestions: this index's, sorted on first use; the whole
    /// repository's when this index holds only part of it (incremental validation), so
    /// suggestions are the same as from a full index.
    public var directory: IDDirectory

    public init(_ documents: [D]) {
        // A full run gives its documents in path order already: that is checked while they are
        // filed (sorting them anyway compared paths of documents no longer in the cache), and
        // they are sorted and filed again only when it does not hold.
        let filed = Filing(documents, inPathOrder: true) ?? Filing(documents.sorted { $0.path < $1.path }, inPathOrder: false)!
        self.documents = filed.documents
        byID = filed.byID
        duplicates = filed.duplicates
        byKind = filed.byKind
        children = ChildrenIndex(filed.documents)
        let byID = filed.byID
        directory = IDDirectory { byID.mapValues(\.kind) }
    }

    public subscript(id: String) -> D? { byID[id] }

    /// Builds the links from each ID to its documents now rather than on first use: for a
    /// pass about to ask from several threads.
    func prepareChildren() { _ = children.linked(to: "") }

    public func findings(of postmortemID: String) -> [D] { Array(linked(to: postmortemID, kind: .finding)) }

    public func remediations(of findingID: String) -> [D] { Array(linked(to: findingID, kind: .remediation)) }

    /// The documents of `kind` linking to `id` (its findings, its items), in path order, looked
    /// at in place: rules ask for most documents, and gathering them into arrays was two
    /// allocations a question.
    public func linked(to id: String, kind: DocumentKind) -> some Sequence<D> {
        children.linked(to: id).lazy.filter { $0.kind == kind }
    }

    /// Whether any document of `kind` links to `id`.
    public func hasLinked(to id: String, kind: DocumentKind) -> Bool { linked(to: id, kind: kind).contains { _ in true } }

    public func documents(of kind: DocumentKind) -> [D] { byKind[kind] ?? [] }

    /// The existing ID of `kind` closest to a mistyped one.
    public func suggestion(for id: String, kind: DocumentKind) -> String? {
        let kinds = directory.kinds
        return Suggestion.closest(to: id, amongSorted: directory.sortedIDs) { kinds[$0] == kind }
    }

    /// The postmortem a document belongs to, following links.
    public func postmortem(of document: D) -> D? {
        switch document.kind {
        case .postmortem: return document
        case .finding: return document.parentID.flatMap { byID[$0] }
        case .remediation: return document.parentID.flatMap { byID[$0] }.flatMap { postmortem(of: $0) }
        }
    }

    /// Every document under a postmortem: itself, its findings and their remediation items.
    public func tree(of postmortemID: String) -> [D] {
        guard let pm = byID[postmortemID] else { return [] }
        let findings = findings(of: postmortemID)
        return [pm] + findings + findings.flatMap { remediations(of: $0.id) }
    }
}

/// Documents filed by ID and kind, in path order.
private struct Filing<D: DocumentFields> {
    let documents: [D]
    var byID: [String: D] = [:]
    var duplicates: [String: [D]] = [:]
    var byKind: [DocumentKind: [D]] = [:]

    /// Nil when `requireOrder` and the documents are not in path order.
    init?(_ documents: [D], inPathOrder requireOrder: Bool) {
        self.documents = documents
        byID.reserveCapacity(documents.count)
        var postmortems: [D] = [], findings: [D] = [], remediations: [D] = []
        var previous: D?
        for document in documents {
            if requireOrder, let previous, document.path < previous.path { return nil }
            previous = document
            // One hash of the ID for the common case, a unique one.
            if let first = byID.updateValue(document, forKey: document.id) {
                byID[document.id] = first
                duplicates[document.id, default: [first]].append(document)
            }
            switch document.kind {
            case .postmortem: postmortems.append(document)
            case .finding: findings.append(document)
            case .remediation: remediations.append(document)
            }
        }
        let kinds: [DocumentKind: [D]] = [.postmortem: postmortems, .finding: findings, .remediation: remediations]
        byKind = kinds.filter { !$0.value.isEmpty }
    }
}

/// Every ID of a repository with the kind of its first document (by path), built on first use:
/// only a broken link needs it, to suggest the ID that was meant.
public final class IDDirectory: @unchecked Sendable {
    private let lock = NSLock()
    private let build: @Sendable () -> [String: DocumentKind]
    private var built: (sorted: [String], kinds: [String: DocumentKind])?

    public init(_ build: @escaping @Sendable () -> [String: DocumentKind]) { self.build = build }

    private var value: (sorted: [String], kinds: [String: DocumentKind]) {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let kinds = build()
        let value = (kinds.keys.sorted(), kinds)
        built = value
        return value
    }

    public var sortedIDs: [String] { value.sorted }
    public var kinds: [String: DocumentKind] { value.kinds }
}

/// The documents linking to each ID (a postmortem's findings, a finding's items), in path
/// order, built on first use. Rules ask from several threads at once: once built, it is read
/// without taking the lock. Each ID has a group of positions in one shared array, rather
/// than an array of its own (tens of thousands of small arrays grown one by one were most of
/// building it in a large repository).
final class ChildrenIndex<D: DocumentFields>: @unchecked Sendable {
    private let lock = NSLock()
    private let ready = Atomic<Bool>(false)
    private let documents: [D]
    /// Each linked-to ID's group of positions in `documents`.
    private var groups: [String: Int] = [:]
    private var members = Grouping(count: 0, of: [Int]())

    init(_ documents: [D]) { self.documents = documents }

    /// The documents linking to `id`, in path order, read in place.
    func linked(to id: String) -> LazyMapSequence<ArraySlice<Int>, D> {
        if !ready.load(ordering: .acquiring) {
            lock.withLock {
                guard !ready.load(ordering: .relaxed) else { return }
                build()
                ready.store(true, ordering: .releasing)
            }
        }
        let documents = documents
        let positions = groups[id].map { members.members(of: $0) } ?? []
        return positions.lazy.map { documents[$0] }
    }

    private func build() {
        var groupOf = [Int](repeating: -1, count: documents.count)
        groups.reserveCapacity(documents.count / 2)
        for (i, document) in documents.enumerated() {
            guard let parent = document.parentID else { continue }
            let group = groups[parent, default: groups.count]
            if group == groups.count { groups[parent] = group }
            groupOf[i] = group
        }
        members = Grouping(count: groups.count, of: groupOf)
    }
}
