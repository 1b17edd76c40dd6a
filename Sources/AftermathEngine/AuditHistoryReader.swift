import AftermathCore
import AftermathGit

/// Reads the history an audit needs: every version of the documents it covers, over the
/// commits reachable from the evidence commit, each blob parsed once; and how each commit
/// that changed them is signed.
package struct AuditHistoryReader {
    package let repository: GitRepository
    package let ruleset: Ruleset
    /// Turns a commit's tree into the view from the Aftermath root.
    package let scope: (Snapshot) -> Snapshot

    /// The versions of `ids` up to `tip`. In a shallow clone where one of them already exists
    /// at the boundary (its earlier history is not there), throws naming them.
    package func read(upTo tip: GitObjectID, ids: Set<String>) throws -> AuditHistory {
        var history = AuditHistory()
        guard !ids.isEmpty else { return history }
        let boundary = repository.shallowBoundary()
        var blobs = BlobDocuments(ruleset: ruleset)
        var states: [String: [String: Document]] = [:]
        var cutOff: [(commit: GitObjectID, ids: [String])] = []
        // Only files that mention one of the IDs are parsed: most of a repository is not audited.
        let words = Set(ids.map { Array($0.utf8) })
        for (order, commit) in try repository.presentAncestry(of: tip).enumerated() {
            let info = try repository.commitInfo(commit)
            let snapshot = scope(try repository.snapshot(ofCommit: commit))
            var current: [String: Document] = [:]
            for path in try Validator.documentPaths(in: snapshot, roots: ruleset.configuration.roots) {
                if let document = try blobs.document(at: path, in: snapshot, mentioningAnyOf: words), ids.contains(document.id), current[document.id] == nil {
                    current[document.id] = document
                }
            }
            states[commit.hex] = current
            if boundary.contains(commit), !current.isEmpty { cutOff.append((commit, current.keys.sorted())) }
            let parents = info.parents.map { states[$0.hex] ?? [:] }
            let meta = CommitMeta(id: commit.hex, authorName: info.authorName, authorEmail: info.authorEmail, time: info.time, summary: info.summary)
            var touched = Set(current.keys)
            for parent in parents { touched.formUnion(parent.keys) }
            var changed = false
            for id in touched.sorted() {
                let now = current[id]
                // Content that came unchanged from a parent (a merge) is not a change of this commit.
                let same = { (old: Document?) in old?.fingerprint == now?.fingerprint && old?.path == now?.path }
                if parents.isEmpty ? now == nil : parents.contains(where: { same($0[id]) }) { continue }
                history.versions[id, default: []].append(DocumentVersion(commit: meta, order: order, document: now))
                changed = true
            }
            if changed, let kind = try repository.signatureKind(of: commit) { history.signatures[commit.hex] = kind }
        }
        if !cutOff.isEmpty {
            let described = cutOff.map { "\($0.ids.joined(separator: ", ")) at commit \($0.commit.short)" }.joined(separator: "; ")
            throw WorkspaceError.git("the clone is shallow and the evidence needs history it does not have: \(described) already existed where the history stops; fetch it with `git fetch --unshallow`")
        }
        if let kind = try repository.signatureKind(of: tip) { history.signatures[tip.hex] = kind }
        return history
    }
}
