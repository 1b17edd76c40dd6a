import ArgumentParser
import AftermathCore
import AftermathEngine

struct NewPostmortemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "postmortem", abstract: "Create a postmortem (status: draft).")

    @Option(help: "Title of the incident.") var title: String
    @Option(help: "Severity: sev1 … sev4.") var severity: String = "sev3"
    @Option(name: .customLong("author"), help: ArgumentHelp("Author handle (repeatable; default: you, from git's user.email).", valueName: "handle"))
    var authors: [String] = []
    @Option(help: ArgumentHelp("When the incident was declared (RFC 3339; default: now).", valueName: "timestamp")) var declaredAt: String?
    @Option(help: ArgumentHelp("When it was detected (RFC 3339; default: the declaration time).", valueName: "timestamp")) var detectedAt: String?
    @Flag(help: "Customers were affected.") var customerImpact = false
    @Flag(help: "Personal or customer data was exposed.") var dataBreach = false
    @Option(help: ArgumentHelp("Folder name after the ID (default: from the title).", valueName: "slug")) var slug: String?
    @OptionGroup var today: TodayOption
    @OptionGroup var recording: CommitOption

    func validate() throws {
        try NewDocumentRun.checkSlug(slug)
        for stamp in [declaredAt, detectedAt].compactMap({ $0 }) where Timestamp.parseDateTime(stamp) == nil {
            throw ValidationError("`\(stamp)` is not an RFC 3339 timestamp like 2026-03-01T10:05:00Z")
        }
    }

    func run() throws {
        try Console.run { console in
            NewDocumentRun.report(try NewDocument.create(today: today.timestamp, commit: recording.commit) { session in
                let declared = declaredAt ?? NewDocument.now()
                let year = Int(declared.prefix(4)) ?? 2026
                let id = IDAllocator.nextPostmortem(year: year, used: session.usedNames)
                let root = session.ruleset.configuration.roots.first ?? "postmortems"
                let path = "\(root)/\(id)-\(slug ?? DocumentTemplate.slug(title))/postmortem.md"
                var authorHandles: [String] = []
                for author in authors.isEmpty ? [nil] : authors.map({ Optional($0) }) {
                    authorHandles.append(try session.person(author, option: "--author"))
                }
                let text = DocumentTemplate.render(kind: .postmortem, path: path, schema: session.ruleset.ownSchemaFile(for: .postmortem), fields: [
                    ("id", .scalar(id)), ("kind", .scalar("postmortem")), ("title", .scalar(title)), ("status", .scalar("draft")),
                    ("severity", .scalar(severity)), ("authors", .list(authorHandles)),
                ], sections: session.ruleset.configuration.sections[.postmortem] ?? [],
                nested: [("incident", [("detected_at", detectedAt ?? declared), ("declared_at", declared)])],
                trailing: [("customer_impact", .boolean(customerImpact)), ("data_breach", .boolean(dataBreach))])
                return (path, text)
            }, console: console)
        }
    }
}
