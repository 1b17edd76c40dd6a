import ArgumentParser
import AftermathCore

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
            let (diagnostics, files): ([Diagnostic], Int)
            var documents: Any?
            var finishWrites = {}
            if let range {
                (diagnostics, files) = try RangeCheck.run(range, workspace: workspace, today: today.timestamp, threads: threads)
            } else {
                let paths = self.paths.isEmpty ? [] : try PathArguments(workspace: workspace, snapshot: try workspace.snapshot(self.snapshot.choice)).resolve(self.paths)
                let rules = try workspace.workingTreeRulesFirst(self.snapshot.choice, today: today.timestamp)
                if let repository = self.snapshot.choice.isWorkingTree ? try? workspace.repository() : try workspace.repository() {
                    // In git, the summary of an earlier run spares re-reading what did not change.
                    let git = GitValidation(workspace: workspace, repository: repository, today: today.timestamp, threads: threads,
                                            workingTreeRules: rules)
                    let outcome = try git.validate(self.snapshot.choice)
                    (diagnostics, files) = (Validator.restricted(outcome.diagnostics, to: paths), outcome.fileCount)
                    documents = outcome.documents
                    finishWrites = outcome.finishWrites
                } else {
                    let snapshot = try workspace.snapshot(self.snapshot.choice)
                    let ruleset = try rules ?? workspace.ruleset(from: snapshot)
                    let validator = Validator(ruleset: ruleset, today: today.timestamp, threads: threads)
                    let result = try validator.validate(snapshot, only: paths)
                    (diagnostics, files) = (result.diagnostics, result.fileCount)
                    documents = result
                }
            }
            switch format {
            case .text:
                console.diagnostics(diagnostics)
                console.err(range == nil ? TextReporter.summary(diagnostics, files: files) : TextReporter.rangeSummary(diagnostics, commits: files))
            case .json:
                console.out(JSONReporter.report(diagnostics, files: files))
            case .sarif:
                console.out(SARIFReporter.report(diagnostics, toolVersion: Aftermath.version))
            }
            let failing = diagnostics.errorCount > 0 || (strict && diagnostics.warningCount > 0)
            finishWrites()  // the summary, written while this printed
            withExtendedLifetime(documents) { console.finish(failing ? ExitStatus.validation : ExitStatus.ok) }
        }
    }
}
