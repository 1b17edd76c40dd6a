/// The documents a listing needs, from a summary's listed fields and the changed files, in
/// place of reading the whole repository.
public enum SummaryView {
    /// An index holding, for the summary's state plus `delta`: every document of `kinds` (open
    /// ones only with `openOnly`), every document having an ID one of them links to (up to
    /// the postmortem), and every changed document (read whole). Rows, filters and groups
    /// drawn from it are those of a full index. Nil when a stored record does not decode.
    public static func index(_ summary: SummaryFile, delta: SnapshotDelta, kinds: Set<DocumentKind>, openOnly: Bool,
                             ruleset: Ruleset, threads: Int = 0,
                             read: @escaping @Sendable (RepositoryPath, ContentID) throws -> [UInt8]?) throws -> ListedIndex? {
        var taken = [Bool](repeating: false, count: summary.documentCount)  // changed or included already
        for path in delta.changes.keys { if let i = summary.index(of: path) { taken[i] = true } }
        let changedVersions = delta.changes.compactMap { path, id in id.map { PathVersion(path: path, id: $0) } }
        let changed = try IncrementalValidator.parse(changedVersions, ruleset: ruleset, threads: threads, checks: nil, read: read)
            .compactMap { $0.document.map(ListedDocument.init) }
        var level = changed
        var chosen: [Int] = []
        for i in 0..<summary.documentCount where !taken[i] {
            guard let kind = summary.kind(i), kinds.contains(kind), !openOnly || summary.isOpen(i) else { continue }
            chosen.append(i)
            taken[i] = true
        }
        guard let listed = decode(chosen, summary, threads: threads) else { return nil }
        level += listed
        // Unchanged documents are gathered with their records' positions: in that order they
        // are in path order, which spares the index sorting tens of thousands of paths.
        var unchanged = Array(zip(chosen, listed))
        // Parents, then theirs, a generation at a time: every unchanged document with the ID
        // (they all share its key, so its component holds them); changed ones are in already.
        while !level.isEmpty {
            let generation = level
            // Looked up on every core, a stretch of the generation each (the keys' binary
            // searches were a warm listing's largest part on one thread); a parent named by
            // several documents is taken once, below.
            let found = ParallelMap.joined(generation.count) { range in
                var found: [Int] = []
                var previous: String?
                for document in generation[range] {
                    // Siblings come together (path order) and name the same parent.
                    guard let id = document.parentID, id != previous else { continue }
                    previous = id
                    guard let key = summary.keyNumber(of: id), let component = summary.component(ofKeyNumber: key) else { continue }
                    summary.forEachMember(of: component) { i in
                        if summary.idKey(i) == key { found.append(i) }
                    }
                }
                return found
            }
            var parents: [Int] = []
            for i in found where !taken[i] {
                parents.append(i)
                taken[i] = true
            }
            guard let decoded = decode(parents, summary, threads: threads) else { return nil }
            unchanged += zip(parents, decoded)
            level = decoded
        }
        unchanged.sort { $0.0 < $1.0 }
        return ListedIndex(unchanged.map(\.1) + changed)
    }

    /// The stored listed fields of the documents at `indices`, decoded on every core; nil when
    /// one does not decode.
    private static func decode(_ indices: [Int], _ summary: SummaryFile, threads: Int) -> [ListedDocument]? {
        let decoded = ParallelMap.joined(indices.count, threads: threads) { range in indices[range].map { summary.listedDocument($0) } }
        var documents: [ListedDocument] = []
        documents.reserveCapacity(decoded.count)
        for document in decoded {
            guard let document else { return nil }
            documents.append(document)
        }
        return documents
    }
}
