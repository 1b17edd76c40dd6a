import AftermathCore
import AftermathGit

/// `validate --range BASE..TIP` and the push hook: every commit new to BASE, judged by the
/// rules (configuration, owners, schemas) of the trusted BASE, never by the commits themselves.
enum RangeCheck {
    static func run(_ expression: String, workspace: Workspace, today: Timestamp, threads: Int) throws -> ([Diagnostic], Int) {
        let repository = try workspace.repository()
        let (base, commits) = try repository.range(expression)
        let trusted = workspace.scoped(try repository.snapshot(ofCommit: base), in: repository)
        let diagnostics = try check(commits, trusted: trusted, repository: repository, today: today, threads: threads) {
            workspace.scoped($0, in: repository)
        }
        return (diagnostics, commits.count)
    }

    static func check(_ commits: [GitObjectID], trusted: Snapshot, repository: GitRepository, today: Timestamp, threads: Int,
                      scope: (Snapshot) -> Snapshot = { $0 }) throws -> [Diagnostic] {
        let ruleset = try Workspace.ruleset(from: trusted)
        let validation = RangeValidation(validator: Validator(ruleset: ruleset, today: today, threads: threads, cache: ParseCache()))
        let diagnostics = try validation.run(commits.map(\.hex)) { id in
            let oid = GitObjectID(hex: id)
            let info = try repository.commitInfo(oid)
            return CommitState(id: id, parents: info.parents.map(\.hex), snapshot: scope(try repository.snapshot(ofCommit: oid)))
        }
        return diagnostics
    }
}
