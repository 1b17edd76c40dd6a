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
        var parsed: [String: Document?] = [:]
        var commitsWithTimes: [(Int64, GitObjectID)] = []
        for commit in commits {
            guard let info = try? repository.commitInfo(commit) else { continue }
            commitsWithTimes.append((info.time, commit))
        }
        for (time, commit) in commitsWithTimes.sorted(by: { $0.0 < $1.0 }) {
            guard let tree = try? repository.snapshot(ofCommit: commit) else { continue }
            let snapshot = workspace.scoped(tree, in: repository)
            var documents: [Document] = []
            for root in ruleset.configuration.roots {
                for path in (try? snapshot.files(under: root)) ?? [] where path.hasSuffix(".md") {
                    let key = path + "\u{0}" + (snapshot.contentID(path) ?? "")
                    if let cached = parsed[key] {
                        if let cached { documents.append(cached) }
                        continue
                    }
                    let bytes = (try? snapshot.read(path, upTo: ruleset.configuration.limits.maxFileBytes + 1)) ?? nil
                    let document = bytes.flatMap { DocumentParser.parse(path: path, bytes: $0, ruleset: ruleset).document }
                    parsed[key] = document
                    if let document { documents.append(document) }
                }
            }
            builder.add(commitTime: time, documents: documents)
        }
        return builder
    }
}
