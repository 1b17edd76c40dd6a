import ArgumentParser
import AftermathCore
import AftermathEngine

struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Draft a data breach's next notice to customers, or record that it was sent.",
        discussion: """
        Without --sent-at, prints a draft of the postmortem's next notice — the first of its \
        `notification.notices` without `sent_at` — made from the notice's recipients, nature, impact, \
        mitigation, next steps and next update, and from the incident's times. A part not written yet \
        is a `[TO WRITE: …]` placeholder. Nothing is sent: review the draft and send it yourself. \
        With --sent-at TIME, records that notice as sent: `sent_at` on the notice, and \
        `customers_notified_at` with it for the first notice, rewriting only those lines, validated \
        first as `set` does. A postmortem that is not a data breach is refused (exit 64).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, text
    }

    @Argument(help: ArgumentHelp("The postmortem's ID (PM-2026-007).", valueName: "id"))
    var id: String

    @Option(help: "Draft format: markdown or text.")
    var format: Format?

    @Option(help: ArgumentHelp("Record the next notice as sent at this time (RFC 3339, e.g. 2026-09-16T15:30:00Z).", valueName: "time"))
    var sentAt: String?

    @Flag(help: "With --sent-at: validate and show the result without writing.")
    var dryRun = false

    @OptionGroup var today: TodayOption
    @OptionGroup var recording: CommitOption

    func validate() throws {
        if sentAt != nil && format != nil { throw ValidationError("--format drafts a notice and --sent-at records one: give one of them") }
        if sentAt == nil && (dryRun || recording.commit) { throw ValidationError("--dry-run and --commit go with --sent-at") }
    }

    func run() throws {
        try Console.run { console in
            let workspace = Workspace()
            guard let sentAt else {
                let draft = try workspace.noticeDraft(id, format: format == .text ? .text : .markdown, today: today.timestamp)
                console.out(draft.text)
                console.err(Self.summary(of: draft))
                return ExitStatus.ok
            }
            let record = try workspace.recordNoticeSent(id, at: sentAt, today: today.timestamp, writing: !dryRun, commit: recording.commit)
            if !record.errors.isEmpty {
                console.diagnostics(record.errors)
                console.err("\(record.postmortem) was not changed: the result would have \(record.errors.count) error\(record.errors.count == 1 ? "" : "s")")
                return ExitStatus.validation
            }
            let what = record.notice.map { "notice \($0) of \(record.postmortem)" } ?? record.postmortem
            if dryRun {
                console.out(String(decoding: record.edited, as: UTF8.self))
                console.err("\(what) can be recorded as sent at \(sentAt) (\(record.fields.joined(separator: ", "))); nothing was written (--dry-run)")
            } else {
                console.err("recorded \(what) as sent at \(sentAt) (\(record.fields.joined(separator: ", ")) in \(record.path))")
            }
            return ExitStatus.ok
        }
    }

    /// What the person sending it must know about the draft, for stderr.
    static func summary(of draft: NoticeDraft) -> String {
        var lines = ["draft of notice \(draft.number) of \(draft.postmortem); nothing was sent. Review it, send it, then record it: aftermath notify \(draft.postmortem) --sent-at TIME"]
        if !draft.hasBlock {
            lines.append("\(draft.postmortem) has no `notification` block: write the notice's recipients, nature, impact and mitigation under `notification.notices` (see docs/documents.md)")
        } else if !draft.missing.isEmpty {
            lines.append("notice \(draft.number) does not say \(draft.missing.map { "`\($0.rawValue)`" }.joined(separator: ", ")) yet: the draft has placeholders for them")
        }
        return lines.joined(separator: "\n")
    }
}
