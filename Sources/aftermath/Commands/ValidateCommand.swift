import ArgumentParser
import AftermathCore
import AftermathEngine

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check every document: schemas, links, owners, trackers, closure and policies.",
        discussion: """
        Problems go to stderr as `path:line:column: error|warning: message [RULE]`, then a summary. \
        With --format json or sarif the same diagnostics go to stdout instead.
        Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 configuration error, 4 git or file error, 64 usage error (a path naming nothing, a malformed range).
        """
    )

    @Argument(help: ArgumentHelp("Only report problems in these files or folders (the whole repository is still read).", valueName: "path"),
              completion: .file(extensions: ["md"]))
    var paths: [String] = []

    @OptionGroup var snapshot: SnapshotOptions

    @Option(help: ArgumentHelp("Check each commit of BASE..TIP (merges included) with the rules of BASE; each problem names the commit that introduced it.", valueName: "base..tip"))
    var range: String?

    @OptionGroup var today: TodayOption

    @Option(help: "Output format: text (stderr), json or sarif (stdout).")
    var format: DiagnosticFormat = .text

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    @Option(help: ArgumentHelp("Worker threads for reading documents (default: one per core).", valueName: "n"))
    var threads: Int = 0

    func validate() throws {
        if range != nil && (snapshot.staged || snapshot.rev != nil) { throw ValidationError("--range cannot be combined with --staged or --rev") }
        if let range, let problem = RangeCheck.syntaxProblem(range) { throw ValidationError(TerminalSafe.escape(problem)) }
    }

    func run() throws {
        try Console.run { console in
            let workspace = Workspace()
            let validation = try range.map { try workspace.validate(range: $0, today: today.timestamp, threads: threads) }
                ?? workspace.validate(snapshot.choice, paths: paths, today: today.timestamp, threads: threads)
            let diagnostics = validation.diagnostics
            switch format {
            case .text:
                console.diagnostics(diagnostics)
                console.err(range == nil ? TextReporter.summary(diagnostics, files: validation.fileCount)
                                         : TextReporter.rangeSummary(diagnostics, commits: validation.fileCount))
            case .json:
                console.out(JSONReporter.report(diagnostics, files: validation.fileCount))
            case .sarif:
                console.out(SARIFReporter.report(diagnostics, toolVersion: Aftermath.version))
            }
            let failing = diagnostics.errorCount > 0 || (strict && diagnostics.warningCount > 0)
            console.finish(failing ? ExitStatus.validation : ExitStatus.ok, after: workspace)
        }
    }
}
