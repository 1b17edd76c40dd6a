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
            let workspace = Workspace()
            let diagnostics = try workspace.preCommit(today: today.timestamp)
            console.finish(report(diagnostics, console), after: workspace)
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
