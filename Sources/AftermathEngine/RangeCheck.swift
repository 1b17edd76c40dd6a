import AftermathCore
import AftermathGit

/// `validate --range BASE..TIP` and the push hook: every commit new to BASE, judged by the
/// rules (configuration, owners, schemas) of the trusted BASE, never by the commits themselves.
package enum RangeCheck {
    package static func run(_ expression: String, workspace: RepositoryAccess, today: Timestamp, threads: Int) throws -> ([Diagnostic], Int) {
        let repository = try workspace.repository()
        let (base, commits) = try repository.range(expression)
        let diagnostics = try check(commits, base: base, workspace: workspace, repository: repository, today: today, threads: threads)
        return (diagnostics, commits.count)
    }

    /// Why `expression` is not written as a range `BASE..TIP`, with the likely intended one;
    /// nil when it is (whether both ends exist is git's question, asked later).
    package static func syntaxProblem(_ expression: String) -> String? {
        let parts = expression.components(separatedBy: "..")
        if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[1].hasPrefix(".") { return nil }
        let meant: String?
        if expression.contains("...") {
            let ends = expression.components(separatedBy: "...")
            meant = ends.count == 2 && !ends[0].isEmpty && !ends[1].isEmpty ? "\(ends[0])..\(ends[1])" : nil
        } else if !expression.contains("..") && !expression.isEmpty {
            meant = "\(expression)~1..\(expression)"
        } else {
            meant = nil
        }
        return "--range `\(expression)` is not a range: use BASE..TIP (e.g. origin/main..HEAD)\(Suggestion.hint(meant))"
    }

    /// - Parameter base: the trusted commit whose rules judge the commits.
    package static func check(_ commits: [GitObjectID], base: GitObjectID, workspace: RepositoryAccess, repository: GitRepository,
                      today: Timestamp, threads: Int) throws -> [Diagnostic] {
        let scope = { (snapshot: Snapshot) in workspace.scoped(snapshot, in: repository) }
        // Only the rules are read from BASE: path by path, not a listing of its whole tree.
        let trusted = scope(try GitTreeLookupSnapshot(tree: try repository.treeID(ofCommit: base), label: base.short, repository: repository))
        let ruleset = try RepositoryAccess.ruleset(from: trusted)
        // Through the summary when it applies: each commit re-read only where it differs.
        let git = GitValidation(workspace: workspace, repository: repository, today: today, threads: threads)
        if let diagnostics = try git.range(commits, base: base, ruleset: ruleset) { return diagnostics }
        let validation = RangeValidation(validator: Validator(ruleset: ruleset, today: today, threads: threads, cache: ParseCache()))
        let diagnostics = try validation.run(commits.map(\.hex)) { id in
            let oid = GitObjectID(hex: id)
            let info = try repository.commitInfo(oid)
            return CommitState(id: id, parents: info.parents.map(\.hex), snapshot: scope(try repository.snapshot(ofCommit: oid)))
        }
        return diagnostics
    }
}
