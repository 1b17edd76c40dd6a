import ArgumentParser
import AftermathCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check every document: schemas, links, owners, trackers, closure and policies.",
        discussion: """
        Problems go to stderr as `path:line:column: error|warning: message [RULE]`, then a summary. \
        With --format json or sarif the same diagnostics go to stdout instead.
        Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 configuration error, 4 git error.
        """
    )

    @Argument(help: ArgumentHelp("Only report problems in these files or folders (the whole repository is still read).", valueName: "path"),
              completion: .file(extensions: ["md"]))
    var paths: [String] = []

    @OptionGroup var snapshot: SnapshotOptions
    @OptionGroup var today: TodayOption

    @Option(help: "Output format: text (stderr), json or sarif (stdout).")
    var format: DiagnosticFormat = .text

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    @Option(help: ArgumentHelp("Worker threads for reading documents (default: one per core).", valueName: "n"))
    var threads: Int = 0

    func run() throws {
        try Console.run { console in
            let workspace = Workspace()
            let snapshot = try workspace.snapshot(self.snapshot.choice)
            let ruleset = try workspace.ruleset(from: snapshot)
            let validator = Validator(ruleset: ruleset, today: today.timestamp, threads: threads)
            let result = try validator.validate(snapshot, only: paths.map(workspace.location.relative))
            switch format {
            case .text:
                console.diagnostics(result.diagnostics)
                console.err(TextReporter.summary(result.diagnostics, files: result.fileCount))
            case .json:
                console.out(JSONReporter.report(result.diagnostics, files: result.fileCount))
            case .sarif:
                console.out(SARIFReporter.report(result.diagnostics, toolVersion: Aftermath.version))
            }
            let failing = result.diagnostics.errorCount > 0 || (strict && result.diagnostics.warningCount > 0)
            return failing ? ExitStatus.validation : ExitStatus.ok
        }
    }
}
