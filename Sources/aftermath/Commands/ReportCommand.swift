import ArgumentParser
import Foundation
import AftermathCore
import AftermathEngine
import AftermathGit

enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case markdown, html }

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The review report (Markdown or a self-contained HTML dashboard), or with an ID the incident report of one postmortem.",
        discussion: """
        Without ID: open items by owner and team, the overdue list, postmortems that cannot be closed yet with their \
        blockers, age of open items, time to close and due dates pushed back (from git history), what was closed since \
        --since, incident figures, the on-time rate and recurring weaknesses. With --format html: one HTML file with \
        inline CSS and SVG charts, no network requests.
        """
    )

    @Argument(help: ArgumentHelp("A postmortem ID for its incident report.", valueName: "id"))
    var id: String?

    @Option(help: "markdown or html.")
    var format: ReportFormat = .markdown

    @Option(help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"), completion: .file())
    var output: String?

    @Option(help: ArgumentHelp("Also list what was closed since this date.", valueName: "date"))
    var since: String?

    @Flag(help: "Do not read git history (faster; time-to-close and pushed-back figures are then omitted).")
    var noHistory = false

    @OptionGroup var snapshot: SnapshotOptions
    @OptionGroup var today: TodayOption

    func validate() throws {
        if let since, Timestamp.parseDate(since) == nil { throw ValidationError("--since must be a date like 2026-03-01") }
    }

    func run() throws {
        try Console.run { console in
            // Git history is read before the documents: its passing work is freed by the time
            // they are all held, so the two do not add up at the peak.
            var history = ItemTimesBuilder()
            if id == nil && !noHistory {
                history = try Workspace().itemTimes(snapshot.choice)
            }
            let document: ReportDocument
            if let id {
                // An incident report needs only its postmortem's documents: through the summary,
                // only those (and what changed) are read.
                let incident = try Workspace().incident(id, choice: snapshot.choice, today: today.timestamp)
                document = IncidentReport(postmortem: incident.postmortem, body: incident.body, index: incident.index,
                                          ruleset: incident.ruleset, today: today.timestamp).build()
            } else {
                // Every document, with the fields the review reads: from the summary's listed
                // fields and the changed files, as `list` reads them.
                let (index, ruleset) = try Workspace().documents(Set(DocumentKind.allCases), openOnly: false, choice: snapshot.choice,
                                                                 today: today.timestamp)
                document = ReviewReport(index: index, ruleset: ruleset, today: today.timestamp, times: history.times,
                                        monthly: history.monthly, since: since.flatMap(Timestamp.parseDate), historyRead: !noHistory)
                    .build(charts: format == .html)
            }
            let text = format == .html
                ? ReportHTML.render(document, generated: today.timestamp.dateString)
                : ReportMarkdown.render(document)
            try ReportOutput.write(text, to: output, console: console)
            return ExitStatus.ok
        }
    }
}

enum ReportOutput {
    /// To stdout, or atomically to a file (replacing it, since reports are generated output).
    static func write(_ text: String, to path: String?, console: Console) throws {
        guard let path else { return console.out(text) }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        if let existing = FileManager.default.contents(atPath: absolute) {
            try AtomicFile.replace(absolute, expected: Array(existing), with: Array(text.utf8))
        } else {
            try AtomicFile.create(absolute, content: Array(text.utf8))
        }
        console.err("wrote \(path)")
    }
}
