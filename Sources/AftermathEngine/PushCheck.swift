import Foundation
import AftermathCore
import AftermathGit

/// What the pre-receive hook judges of a push: each updated ref's new commits, with the rules
/// of the trusted side (the ref's previous tip, or the default branch for a new ref), and a
/// force push also as one change from the old tip, so closed postmortems cannot be rewritten.
public struct PushCheck {
    let repository: GitRepository
    /// Commits the repository already had: only the push's new ones are judged.
    let existing: [GitObjectID]

    /// The repository the hook runs in, as git's environment names it (the pushed objects are
    /// in a quarantine that libgit2 sees only this way).
    public init(directory: String = FileManager.default.currentDirectoryPath) throws {
        repository = try GitRepository(path: directory, fromEnvironment: true)
        existing = try repository.referencedCommits()
    }

    /// What the update of `ref` from `old` to `new` introduces (an all-zero `new` is a deletion
    /// and passes).
    public func check(old: GitObjectID, new: GitObjectID, ref: String, today: Timestamp) throws -> [Diagnostic] {
        guard !new.isZero else { return [] }
        let refusal = { (message: String) in
            [Diagnostic(path: RepositoryPath(ref), location: .fileStart, severity: .error, ruleID: "push", message: message, commit: new.hex)]
        }
        let tip: GitObjectID
        do {
            tip = try repository.resolveCommit(new.hex)
        } catch {
            if repository.hasObject(new) { return [] } // a tag of a tree or blob: nothing to check
            return refusal("commit \(new.short) is missing from the push (\(error)); push again")
        }
        let base = old.isZero ? repository.defaultBranchCommit : old
        let trusted = try GitTreeLookupSnapshot(tree: try repository.treeID(ofCommit: base ?? tip), label: (base ?? tip).short, repository: repository)
        let commits = try repository.commits(from: [tip], excluding: existing)
        var diagnostics = try RangeCheck.check(commits, base: base ?? tip, workspace: RepositoryAccess(), repository: repository,
                                               today: today, threads: 0)
        if !old.isZero, !repository.isDescendant(tip, of: old) {
            // A force push: judge the ref's move as one change, so history cannot be rewritten.
            let ruleset = try RepositoryAccess.ruleset(from: trusted)
            let validator = Validator(ruleset: ruleset, today: today, cache: ParseCache())
            let before = try validator.validate(repository.snapshot(ofCommit: old))
            let after = try validator.validate(repository.snapshot(ofCommit: tip))
            diagnostics += TransitionCheck.check(before: before.index, after: after.index, in: RuleContext(ruleset: ruleset, today: today))
                .map { var d = $0; d.commit = tip.hex; return d }
        }
        return diagnostics
    }
}
