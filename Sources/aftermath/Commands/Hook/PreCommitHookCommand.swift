import ArgumentParser
import AftermathCore
import AftermathEngine
import AftermathGit

struct PreCommitHookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pre-commit",
        abstract: "Validate what is being committed (the index in GIT_INDEX_FILE); block on errors, let warnings through."
    )

    @OptionGroup var today: TodayOption

    func run() throws {
        try Console.run { console in
            let workspace = RepositoryAccess()
            let repository = try workspace.repository()
            let git = GitValidation(workspace: workspace, repository: repository, today: today.timestamp, threads: 0)
            if let (diagnostics, changed) = try git.preCommit() {
                console.finish(report(diagnostics.filter { $0.severity == .error || changed.contains($0.path) }, console))
            }
            let staged = workspace.scoped(try repository.stagedSnapshot(), in: repository)
            let ruleset = try workspace.ruleset(from: staged)
            // HEAD's blobs are mostly the index's: parsed once for both.
            let validator = Validator(ruleset: ruleset, today: today.timestamp, cache: ParseCache())
            let after = try validator.validate(staged)
            var diagnostics = after.diagnostics
            if let head = try git.headSnapshot() {
                // Rewrites of closed postmortems and impossible status moves, relative to HEAD.
                let before = try validator.read(head)
                diagnostics += HeadTransitions(head: before.index, context: RuleContext(ruleset: ruleset, today: today.timestamp))
                    .problems(in: after.index)
                let changed = Set(after.index.documents.map(\.path).filter { staged.contentID($0) != head.contentID($0) })
                diagnostics = diagnostics.filter { $0.severity == .error || changed.contains($0.path) }
            }
            console.finish(report(diagnostics, console))
        }
    }

    /// Errors anywhere block (the repository must stay valid); warnings are shown only for the
    /// documents this commit touches, not repeated on every commit.
    private func report(_ diagnostics: [Diagnostic], _ console: Console) -> Int32 {
        console.diagnostics(diagnostics.sortedForReport())
        let errors = diagnostics.errorCount
        guard errors == 0 else {
            console.err("aftermath: commit blocked: \(errors) error\(errors == 1 ? "" : "s") in the staged documents (`aftermath explain RULE` tells more)")
            return ExitStatus.validation
        }
        return ExitStatus.ok
    }
}
