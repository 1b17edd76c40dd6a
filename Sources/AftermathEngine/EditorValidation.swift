import AftermathCore
import AftermathGit

/// The working tree as an editor sees it — its unsaved buffers laid over the files — judged as
/// `Workspace.validate(.workingTree)` judges the working tree, read whole: every rule over every
/// document, and what the pre-commit hook would refuse against HEAD, as warnings. What an
/// `EditorSession` does when no summary can serve. Kept between checks: parse results of files
/// unchanged on disk, and HEAD's documents (until HEAD or the rules change).
final class EditorValidation {
    private let access: RepositoryAccess
    private var cache: (ParseCache, fingerprint: UInt64, today: Timestamp)?
    private var head: (commit: GitObjectID, index: RepositoryIndex, fingerprint: UInt64)?

    init(access: RepositoryAccess) { self.access = access }

    func reloadRules() { cache = nil }

    /// - Parameter ruleset: the rules read from the same state.
    func validate(_ buffers: [RepositoryPath: [UInt8]], today: Timestamp, ruleset: Ruleset) throws -> (ValidationResult, Ruleset) {
        let snapshot = OverlaySnapshot(base: StatKeyedSnapshot(files: WorkingTreeSnapshot(root: access.root)), overrides: buffers.mapValues { Optional($0) })
        if cache?.fingerprint != ruleset.fingerprint || cache?.today != today { cache = (ParseCache(), ruleset.fingerprint, today) }
        let validator = Validator(ruleset: ruleset, today: today, cache: cache?.0)
        var result = try validator.validate(snapshot)
        if let headIndex = try headIndex(validator) {
            let problems = HeadTransitions(head: headIndex, context: RuleContext(ruleset: ruleset, today: today)).problems(in: result.index)
            result.diagnostics = GitValidation.adding(problems, as: .warning, to: result.diagnostics)
        }
        return (result, ruleset)
    }

    /// HEAD's documents, read again only when HEAD or the rules change; nil outside git or
    /// before the first commit.
    private func headIndex(_ validator: Validator) throws -> RepositoryIndex? {
        guard let repository = try? access.repository() else { return nil }
        let git = GitValidation(workspace: access, repository: repository, today: validator.today, threads: 0)
        guard let commit = try git.headCommit() else { return nil }
        if let head, head.commit == commit, head.fingerprint == validator.ruleset.fingerprint { return head.index }
        guard let snapshot = try git.headSnapshot() else { return nil }
        let index = try validator.read(snapshot).index
        head = (commit, index, validator.ruleset.fingerprint)
        return index
    }
}
