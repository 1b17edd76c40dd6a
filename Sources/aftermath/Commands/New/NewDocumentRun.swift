import ArgumentParser
import AftermathCore
import AftermathEngine

/// The `new` subcommands' shared edge: the slug option's check, and printing what the
/// engine's `NewDocument.create` did.
enum NewDocumentRun {
    /// `--slug`, when given, must be one plain file name (see `Slug`).
    static func checkSlug(_ slug: String?) throws {
        guard let slug, let problem = Slug.problem(slug) else { return }
        throw ValidationError("--slug `\(TerminalSafe.escape(slug))` \(problem)")
    }

    static func report(_ outcome: NewDocument.Outcome, console: Console) -> Int32 {
        switch outcome {
        case .created(let path):
            console.out(TerminalSafe.escape(path) + "\n")
            return ExitStatus.ok
        case .refused(let errors, let newPath):
            // The new file was not written, so its problems name no path a user could open.
            console.diagnostics(errors.filter { $0.path != newPath })
            for d in errors where d.path == newPath { console.failure("\(d.message) [\(d.ruleID)]") }
            console.err("nothing was written: the new document would have \(errors.count) error\(errors.count == 1 ? "" : "s")")
            return ExitStatus.validation
        }
    }
}
