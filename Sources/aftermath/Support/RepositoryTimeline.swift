import AftermathCore
import AftermathGit

/// One pass over the commits reachable from HEAD, oldest first: when each document appeared,
/// was resolved and had its due date moved, and the open/closed counts month by month.
/// Each blob is parsed once.
enum RepositoryTimeline {
    static func build(workspace: Workspace, ruleset: Ruleset) -> ItemTimesBuilder {
        var builder = ItemTimesBuilder()
        guard let repository = try? workspace.repository(), !repository.isEmpty,
              let commits = try? repository.historyFromHead() else { return builder }
        var blobs = BlobDocuments(ruleset: ruleset)
        var commitsWithTimes: [(Int64, GitObjectID)] = []
        for commit in commits {
            guard let info = try? repository.commitInfo(commit) else { continue }
            commitsWithTimes.append((info.time, commit))
        }
        for (time, commit) in commitsWithTimes.sorted(by: { $0.0 < $1.0 }) {
            guard let tree = try? repository.snapshot(ofCommit: commit) else { continue }
            let snapshot = workspace.scoped(tree, in: repository)
            guard let documents = try? blobs.documents(in: snapshot) else { continue }
            builder.add(commitTime: time, documents: documents)
        }
        return builder
    }
}
