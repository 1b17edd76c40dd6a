import AftermathCore
import AftermathGit

/// An editor's view of the repository, kept between checks: the working tree with its unsaved
/// buffers laid over it, judged exactly as `Workspace.validate(.workingTree)` judges the
/// working tree with those buffers saved — every rule, and what the pre-commit hook would
/// refuse against HEAD, as warnings.
///
/// In git, a check starts from the summary of the working tree (made once if none applies):
/// the files that differ from it on disk are found once, when the session starts, and the
/// buffers are laid over that as further changes, so a keystroke re-reads only the components
/// its document's keys connect to (`IncrementalValidator`). A buffer of a rule file
/// (`.aftermath.yml`, the owners file, `schema/`) that differs from the disk makes other rules
/// than the summary's, and the repository is then read whole, as it is outside git.
///
/// Files changed on disk after the session started must be reported (`filesChanged`), as an
/// editor reports the files it watches; the rules are read again after `reloadRules()`.
public final class EditorSession {
    private let access: RepositoryAccess
    private var rules: Ruleset?
    private var baseline: EditorBaseline? { didSet { if let maxAffected { baseline?.maxAffected = maxAffected } } }
    /// Past this many documents to re-read, a check reads the repository whole (by default a
    /// tenth of the repository: `IncrementalValidator.defaultLimit`).
    package var maxAffected: Int? { didSet { if let maxAffected { baseline?.maxAffected = maxAffected } } }
    private lazy var whole = EditorValidation(access: access)

    init(access: RepositoryAccess) { self.access = access }

    /// The rules are read again at the next check (a rule file changed).
    public func reloadRules() {
        rules = nil
        baseline = nil
        whole.reloadRules()
    }

    /// Files changed on disk (repository-relative paths): their new contents are taken into the
    /// next check.
    public func filesChanged(_ paths: [RepositoryPath]) {
        baseline?.refresh(paths)
    }

    /// Checks the working tree with `buffers` (repository-relative paths → text) laid over it.
    /// A configuration that cannot be used throws `WorkspaceError.configuration`.
    public func check(_ buffers: [RepositoryPath: [UInt8]], today: Timestamp) throws -> EditorCheck {
        let files = WorkingTreeSnapshot(root: access.root)
        let ruleset = try rules ?? access.ruleset(from: OverlaySnapshot(base: files, overrides: buffers.mapValues { Optional($0) }), today: today)
        rules = ruleset
        if let check = try throughSummary(buffers, ruleset: ruleset, today: today) { return check }
        let (result, _) = try whole.validate(buffers, today: today, ruleset: ruleset)
        return EditorCheck(diagnostics: result.diagnostics, ruleset: ruleset, fileCount: result.fileCount,
                           index: EditorIndex(whole: result.index, paths: result.paths), throughSummary: false)
    }

    /// The check through the summary; nil when none can apply (outside git, summaries off,
    /// unsaved rules) or the buffers reach too much of the repository.
    private func throughSummary(_ buffers: [RepositoryPath: [UInt8]], ruleset: Ruleset, today: Timestamp) throws -> EditorCheck? {
        guard !SummaryStore.disabled, let repository = try? access.repository() else { return nil }
        if baseline?.ruleset.fingerprint != ruleset.fingerprint {
            baseline = try EditorBaseline.make(access: access, repository: repository, ruleset: ruleset, today: today)
        }
        guard let current = baseline else { return nil }
        if let check = try current.check(buffers, today: today) { return check }
        // The files changed on disk since the summary reach too much (a checkout, a pull): a
        // new summary of the working tree, made once, serves the next checks.
        guard current.isFarBehind else { return nil }
        baseline = try EditorBaseline.make(access: access, repository: repository, ruleset: ruleset, today: today, renewing: true)
        return try baseline?.check(buffers, today: today)
    }
}
