import AftermathCore
import AftermathGit

/// The working tree as an editor sees it — its unsaved buffers laid over the files — judged as
/// `Workspace.validate(.workingTree)` judges the working tree: the rules read from that state
/// (with the tracker states kept), every rule over every document, and what the pre-commit hook
/// would refuse against HEAD, as warnings. Kept between checks: the rules (until
/// `reloadRules()`), parse results of files unchanged on disk, and HEAD's documents (until HEAD
/// moves), so a keystroke re-reads only what it changed.
final class EditorValidation {
    private let access: RepositoryAccess
    private var rules: Ruleset?
    private var cache: (ParseCache, fingerprint: UInt64, today: Timestamp)?
    private var head: (commit: GitObjectID, index: RepositoryIndex, fingerprint: UInt64)?

    init(access: RepositoryAccess) { self.access = access }

    func reloadRules() { rules = nil }

    func validate(_ buffers: [RepositoryPath: [UInt8]], today: Timestamp) throws -> (ValidationResult, Ruleset) {
        let snapshot = OverlaySnapshot(base: StatKeyedSnapshot(files: WorkingTreeSnapshot(root: access.root)), overrides: buffers.mapValues { Optional($0) })
        let ruleset = try rules ?? access.ruleset(from: snapshot, today: today)
        rules = ruleset
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
