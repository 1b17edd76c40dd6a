import AftermathCore
import AftermathGit

/// One pass over the commits reachable from HEAD, oldest first: when each document appeared,
/// was resolved and had its due date moved, and the open/closed counts month by month.
/// Each version of a file is parsed once, a commit's new versions on every core, and only
/// what the timeline needs of it is kept.
package enum RepositoryTimeline {
    package static func build(workspace: RepositoryAccess, ruleset: Ruleset) -> ItemTimesBuilder {
        var builder = ItemTimesBuilder()
        guard let repository = try? workspace.repository(), !repository.isEmpty,
              let commits = try? repository.historyFromHead() else { return builder }
        var commitsWithTimes: [(Int64, GitObjectID)] = []
        for commit in commits {
            guard let info = try? repository.commitInfo(commit) else { continue }
            commitsWithTimes.append((info.time, commit))
        }
        // Path and blob ID → the item that version is (nil: not a document).
        struct Version: Hashable {
            var path: RepositoryPath
            var blob: String
        }
        var versions: [Version: ItemTimesBuilder.Item?] = [:]
        let limit = ruleset.configuration.limits.maxFileBytes + 1
        for (time, commit) in commitsWithTimes.sorted(by: { $0.0 < $1.0 }) {
            guard let tree = try? repository.snapshot(ofCommit: commit) else { continue }
            let snapshot = workspace.scoped(tree, in: repository)
            guard let paths = try? Validator.documentPaths(in: snapshot, roots: ruleset.configuration.roots) else { continue }
            let keys = paths.map { path in snapshot.contentID(path).map { Version(path: path, blob: $0) } }
            let fresh = paths.indices.filter { keys[$0].map { versions[$0] == nil } ?? false }
            guard let parsed = try? ParallelMap.map(fresh.count, { i -> ItemTimesBuilder.Item? in
                let path = paths[fresh[i]]
                let bytes = try snapshot.read(path, upTo: limit) ?? []
                return DocumentParser.parse(path: path, bytes: bytes, ruleset: ruleset).document.map(ItemTimesBuilder.Item.init)
            }) else { continue }
            for (i, item) in zip(fresh, parsed) { versions[keys[i]!] = .some(item) }
            builder.add(commitTime: time, items: keys.compactMap { key in key.flatMap { versions[$0] ?? nil } })
        }
        return builder
    }
}
