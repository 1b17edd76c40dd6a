import ArgumentParser
import Foundation
import AftermathCore
import AftermathEngine
import AftermathTrackers

struct BugsFileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "file",
        abstract: "Create the tracker issue for a finding or remediation item that has none, and add its reference.",
        discussion: """
        The issue gets the document's title, its text with a link back (`repository_url`), the tracker's \
        `labels`, the owner's account from owners.yml as assignee, and the item's due date where the tracker \
        has one. It also gets the label `aftermath-ID`, looked for before anything is created: a run repeated \
        after a lost answer finds the issue the first one made instead of filing it twice. The reference is \
        then added to `bugs` (finding) or `bug` (item) with the same surgical edit as `aftermath set`.
        """)

    @Argument(help: ArgumentHelp("The finding's or remediation item's ID.", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("The tracker to file in (needed when several have an API).", valueName: "name"))
    var tracker: String?

    @Flag(help: "Print the request that would be sent (credentials masked); send nothing, write nothing.")
    var dryRun = false

    @OptionGroup var today: TodayOption
    @OptionGroup var recording: CommitOption

    func run() throws {
        try Console.run { console in
            let workspace = Workspace()
            let session = try workspace.edit(today: today.timestamp)
            let document = try session.document(id)
            guard document.kind != .postmortem else {
                throw WorkspaceError.usage("\(document.id) is a postmortem; file issues for its findings and remediation items")
            }
            let existing = document.field("bugs")?.stringList ?? document.string("bug").map { [$0] } ?? []
            if !existing.isEmpty {
                throw WorkspaceError.refused("\(document.id) already has a bug reference (\(existing.joined(separator: ", "))); nothing was filed")
            }
            let chosen = try Self.tracker(named: tracker, in: session.ruleset.configuration.trackers)
            let original = try session.bytes(of: document)
            let draft = Self.draft(document, text: original, ruleset: session.ruleset, tracker: chosen)
            var environment = ProcessInfo.processInfo.environment
            if dryRun {
                // The request is shown whether or not the token is set; it is masked either way.
                for name in [chosen.api?.tokenVariable, chosen.api?.emailVariable].compactMap({ $0 }) where environment[name] == nil {
                    environment[name] = "unset"
                }
            }
            let client: any TrackerClient
            let issue: FiledIssue
            do {
                client = try TrackerClients.client(for: chosen, network: .reading([chosen], workspace: workspace, environment: environment))
                if dryRun {
                    console.out(try client.createRequest(draft).displayed + "\n")
                    console.err("dry run: nothing was sent; a real run first looks for an issue labelled `\(draft.marker)` in \(chosen.name)")
                    return ExitStatus.ok
                }
                if let earlier = try client.filed(marker: draft.marker) {
                    console.err("found the issue filed earlier for \(document.id): \(earlier.reference)")
                    issue = earlier
                } else {
                    issue = try client.create(draft)
                    console.err("filed \(issue.reference) in \(chosen.name)")
                }
            } catch let error as TrackerError {
                throw WorkspaceError.tracker(error.description)
            }
            let change = document.kind == .finding ? FieldChange("bugs", .list([issue.reference])) : FieldChange("bug", .scalar(issue.reference))
            let edited: [UInt8]
            do {
                edited = try FrontMatterEditor.apply([change], to: original)
            } catch let error as EditError {
                throw WorkspaceError.usage("\(document.path): \(error); add `\(issue.reference)` by hand")
            }
            let check = try session.check([document.path: edited], committing: recording.commit)
            let errors = (check.newErrors(in: [document.path]) + check.newTransitionErrors()).sortedForReport()
            if !errors.isEmpty {
                console.diagnostics(errors)
                console.err("\(document.id) was not changed: the result would have errors; the issue is \(issue.reference)")
                return ExitStatus.validation
            }
            try session.write(document, original: original, edited: edited,
                              commitMessage: recording.commit ? "bugs file \(document.id): \(issue.reference)" : nil)
            console.out("\(issue.reference)\(issue.url.map { " <\($0)>" } ?? "")\n")
            return ExitStatus.ok
        }
    }

    static func tracker(named name: String?, in trackers: TrackerSet) throws -> Tracker {
        let usable = trackers.trackers.filter { $0.api != nil }
        if let name {
            guard let tracker = trackers.trackers.first(where: { $0.name == name }) else {
                throw WorkspaceError.usage("no tracker is named `\(name)`\(Suggestion.hint(Suggestion.closest(to: name, among: trackers.trackers.map(\.name))))")
            }
            guard tracker.api != nil else { throw WorkspaceError.usage("tracker `\(name)` has no `kind` and `api` in .aftermath.yml, so issues cannot be filed there") }
            return tracker
        }
        guard usable.count == 1, let only = usable.first else {
            throw WorkspaceError.usage(usable.isEmpty
                ? "no tracker in .aftermath.yml names its API (`kind`, `api`, `token_env`); see docs/trackers.md"
                : "several trackers have an API (\(usable.map(\.name).joined(separator: ", "))); choose one with --tracker")
        }
        return only
    }

    /// The issue for `document`: its title, its text and a link back, the tracker's labels, the
    /// owner's account and the item's due date.
    static func draft(_ document: Document, text: [UInt8], ruleset: Ruleset, tracker: Tracker) -> IssueDraft {
        let title = "\(document.id): \(document.title ?? document.id)"
        var body = bodyText(String(decoding: text, as: UTF8.self)).trimmingCharacters(in: .whitespacesAndNewlines)
        let link = ruleset.configuration.repositoryURL.map { $0.replacingOccurrences(of: "{path}", with: document.path.text) }
        body += "\n\n---\nFiled by Aftermath for \(document.kind.rawValue) \(document.id) (`\(document.path.text)`)" + (link.map { ": \($0)" } ?? ".")
        let kind = tracker.api?.kind.rawValue ?? ""
        return IssueDraft(title: title, body: body, labels: tracker.api?.labels ?? [],
                          assignee: document.owner.flatMap { ruleset.owners.account(of: $0, kind: kind) },
                          due: document.kind == .remediation ? document.string("due") : nil,
                          marker: "aftermath-\(document.id)")
    }

    /// The Markdown after the front matter.
    static func bodyText(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
              let end = lines.dropFirst().firstIndex(where: { ["---", "..."].contains($0.trimmingCharacters(in: .whitespaces)) }) else { return text }
        return lines[(end + 1)...].joined(separator: "\n")
    }
}
