import ArgumentParser
import AftermathCore
import AftermathEngine

struct CloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close a postmortem once every finding and remediation item under it is resolved.",
        discussion: """
        Checks every blocker — open findings; proposed, open or in-progress remediation items; missing \
        approver, justification or breach notification; any validation error in the postmortem's documents — \
        and prints each as `path:line:column: error: … [RULE] (owner: …)`. With any blocker it exits 3 and \
        writes nothing. Otherwise it sets `status: closed`, `closed_at` and `closed_by`, rewriting only those \
        lines, and exits 0.
        """
    )

    @Argument(help: ArgumentHelp("The postmortem's ID (PM-2026-007).", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("Who closes it (a person's handle; default: the person whose email is git's user.email).", valueName: "handle"))
    var by: String?

    @Option(help: ArgumentHelp("Closing date (YYYY-MM-DD; default: today).", valueName: "date"))
    var date: String?

    @Flag(help: "Check the blockers and show what would change, without writing.")
    var dryRun = false

    @OptionGroup var snapshot: SnapshotOptions
    @OptionGroup var today: TodayOption
    @OptionGroup var recording: CommitOption

    func validate() throws {
        if let date, Timestamp.parseDate(date) == nil { throw ValidationError("--date must be a date like 2026-03-01") }
        if (snapshot.staged || snapshot.rev != nil) && !dryRun {
            throw ValidationError("--staged and --rev read git snapshots, which cannot be written: add --dry-run")
        }
    }

    /// A closing date is a record of when the review ended: not a day still to come, and not
    /// before a remediation item under the postmortem was resolved.
    static func checkClosingDate(_ closedAt: String, today: Timestamp, items: [Document]) throws {
        guard let closing = Timestamp.parseDate(closedAt) else { return }
        if closing > today {
            throw WorkspaceError.usage("--date \(closedAt) is after today (\(today.dateString)); a postmortem is closed on the day it is closed")
        }
        let later = items.filter { $0.kind == .remediation }.compactMap { item -> (String, String)? in
            guard let text = item.string("resolved_at"), let resolved = Timestamp.parseDate(text), resolved > closing else { return nil }
            return (item.id, text)
        }
        if let (id, resolved) = later.max(by: { $0.1 < $1.1 }) {
            throw WorkspaceError.usage("--date \(closedAt) is before \(id) was resolved (\(resolved)); close on or after \(resolved)")
        }
    }

    func run() throws {
        try Console.run { console in
            let session = try Workspace().edit(choice: snapshot.choice, today: today.timestamp)
            let postmortem = try session.document(id, kind: .postmortem)
            if postmortem.status == "closed" {
                console.err("\(postmortem.id) is already closed")
                return ExitStatus.ok
            }
            let closer = try session.person(by, option: "--by")
            let closedAt = date ?? today.timestamp.dateString
            try Self.checkClosingDate(closedAt, today: today.timestamp, items: try session.neighbourhood(of: postmortem).tree(of: postmortem.id))
            let original = try session.bytes(of: postmortem)
            let edited: [UInt8]
            do {
                edited = try FrontMatterEditor.apply([
                    FieldChange("status", .scalar("closed")),
                    FieldChange("closed_at", .scalar(closedAt)),
                    FieldChange("closed_by", .scalar(closer)),
                ], to: original)
            } catch let error as EditError {
                throw WorkspaceError.usage("\(postmortem.path): \(error)")
            }
            let check = try session.check([postmortem.path: edited], committing: recording.commit)
            let tree = Set(check.after.index.tree(of: postmortem.id).map(\.path) + [postmortem.path])
            let blockers = (check.allErrors(in: tree) + check.newTransitionErrors()).sortedForReport()
            if !blockers.isEmpty {
                console.diagnostics(blockers)
                console.err("\(postmortem.id) cannot be closed: \(blockers.count) blocker\(blockers.count == 1 ? "" : "s"); nothing was written")
                return ExitStatus.closureRefused
            }
            if dryRun {
                console.err("\(postmortem.id) can be closed (closed_at: \(closedAt), closed_by: \(closer)); nothing was written (--dry-run)")
                return ExitStatus.ok
            }
            try session.write(postmortem, original: original, edited: edited, commitMessage: recording.commit ? "close \(postmortem.id)" : nil)
            console.err("closed \(postmortem.id) (\(postmortem.path))")
            return ExitStatus.ok
        }
    }
}
