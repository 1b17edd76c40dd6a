/// The documents a listing needs, from a summary's listed fields and the changed files, in
/// place of reading the whole repository.
public enum SummaryView {
    /// An index holding, for the summary's state plus `delta`: every document of `kinds` (open
    /// ones only with `openOnly`), every document having an ID one of them links to (up to
    /// the postmortem), and every changed document (read whole). Rows, filters and groups
    /// drawn from it are those of a full index. Nil when a stored record does not decode.
    public static func index(_ summary: SummaryFile, delta: SnapshotDelta, kinds: Set<DocumentKind>, openOnly: Bool,
                             ruleset: Ruleset, threads: Int = 0,
                             read: @escaping @Sendable (String, ContentID) throws -> [UInt8]?) throws -> RepositoryIndex? {
        var changed = Set<Int>()
        for path in delta.changes.keys { if let i = summary.index(of: path) { changed.insert(i) } }
        let changedVersions = delta.changes.compactMap { path, id in id.map { PathVersion(path: path, id: $0) } }
        var documents = try IncrementalValidator.parse(changedVersions, ruleset: ruleset, threads: threads, checks: nil, read: read).compactMap(\.document)
        var included = Set<Int>()
        for i in 0..<summary.documentCount where !changed.contains(i) {
            guard let kind = summary.kind(i), kinds.contains(kind), !openOnly || summary.isOpen(i) else { continue }
            guard let document = summary.listedDocument(i) else { return nil }
            documents.append(document)
            included.insert(i)
        }
        // Parents, then theirs: every unchanged document with the ID (they all share its key,
        // so its component holds them); changed ones are in already.
        var wanted = Set(documents.compactMap(\.parentID))
        var looked = Set<String>()
        while let id = wanted.popFirst() {
            guard looked.insert(id).inserted, let component = summary.component(ofKey: id) else { continue }
            for i in summary.members(of: component) where !changed.contains(i) && !included.contains(i) && summary.id(i) == id {
                guard let document = summary.listedDocument(i) else { return nil }
                documents.append(document)
                included.insert(i)
                if let parent = document.parentID { wanted.insert(parent) }
            }
        }
        return RepositoryIndex(documents)
    }
}
