import AftermathCore
import AftermathGit

/// Reads one document's life from git: its state after every commit reachable from HEAD,
/// found by ID (so renames and moves are followed), each blob parsed once.
package struct HistoryReader {
    package let repository: GitRepository
    package let ruleset: Ruleset
    /// Turns a commit's tree into the view from the Aftermath root.
    package let scope: (Snapshot) -> Snapshot
    private var blobs: BlobDocuments

    package init(repository: GitRepository, ruleset: Ruleset, scope: @escaping (Snapshot) -> Snapshot) {
        self.repository = repository
        self.ruleset = ruleset
        self.scope = scope
        blobs = BlobDocuments(ruleset: ruleset)
    }

    package mutating func history(of id: String) throws -> DocumentHistory? {
        if repository.isEmpty { throw GitError(message: "the repository has no commits yet, so there is no history") }
        var states: [String: Document] = [:]
        var entries: [HistoryEntry] = []
        var seen = false
        for commit in try repository.historyFromHead() {
            let info = try repository.commitInfo(commit)
            let snapshot = scope(try repository.snapshot(ofCommit: commit))
            let parentStates = info.parents.map { states[$0.hex] }
            let current = try find(id, in: snapshot, hint: parentStates.compactMap { $0 }.first)
            if let current { states[commit.hex] = current; seen = true }
            // Content that came unchanged from a parent (a merge) is not a change of this commit.
            let inherited = parentStates.contains { $0?.fingerprint == current?.fingerprint && $0?.path == current?.path }
            if inherited && !info.parents.isEmpty { continue }
            let meta = CommitMeta(id: commit.hex, authorName: info.authorName, authorEmail: info.authorEmail, time: info.time, summary: info.summary)
            if let entry = DocumentHistory.entry(commit: meta, before: parentStates.first ?? nil, after: current) { entries.append(entry) }
        }
        return seen ? DocumentHistory(id: id, entries: entries) : nil
    }

    /// The document with `id` in a commit: first at the path it had in the parent, then in the
    /// files named after it (as documents are, AM103), else anywhere — reading only files that
    /// could hold it, so a commit from before the document existed costs reads, not parses.
    private mutating func find(_ id: String, in snapshot: Snapshot, hint: Document?) throws -> Document? {
        if let hint, let document = try blobs.document(at: hint.path, in: snapshot), document.id == id { return document }
        let paths = try Validator.documentPaths(in: snapshot, roots: ruleset.configuration.roots)
        for path in paths where Self.isNamed(path, after: id) {
            if let document = try blobs.document(at: path, in: snapshot), document.id == id { return document }
        }
        for path in paths where !Self.isNamed(path, after: id) {
            if let document = try blobs.document(at: path, in: snapshot, mentioning: id), document.id == id { return document }
        }
        return nil
    }

    /// Whether a folder or file on the path is named after `id` (`R-2026-001-02-x.md`, the
    /// folder of `PM-2026-001-outage/postmortem.md`): the ID starts a name and ends it or is
    /// followed by `-`, `_` or `.`.
    package static func isNamed(_ path: RepositoryPath, after id: String) -> Bool {
        let path = path.bytes, id = Array(id.utf8)
        guard !id.isEmpty, path.count >= id.count else { return false }
        for start in 0...(path.count - id.count) where start == 0 || path[start - 1] == UInt8(ascii: "/") {
            guard path[start..<(start + id.count)].elementsEqual(id) else { continue }
            let end = start + id.count
            if end == path.count || [UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ".")].contains(path[end]) { return true }
        }
        return false
    }
}
