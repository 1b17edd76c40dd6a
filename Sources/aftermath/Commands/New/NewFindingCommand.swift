import ArgumentParser
import AftermathCore
import AftermathEngine

struct NewFindingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "finding", abstract: "Create a finding of a postmortem (status: open).")

    @Option(help: ArgumentHelp("The postmortem's ID.", valueName: "id")) var postmortem: String
    @Option(help: "Title of the finding.") var title: String
    @Option(help: "technical-lapse, procedural-failure, manual-error, process-flaw, communication-glitch or attack-vector.") var category: String
    @Option(help: ArgumentHelp("Owner (person or team).", valueName: "handle")) var owner: String
    // Required: an open finding needs a bug (AM101), and a finding without one would only be
    // refused after the fact.
    @Option(name: .customLong("bug"), help: ArgumentHelp("Bug reference (at least one; repeatable), e.g. JIRA:SEC-123.", valueName: "ref")) var bugs: [String]
    @Option(help: ArgumentHelp("File name after the ID (default: from the title).", valueName: "slug")) var slug: String?
    @OptionGroup var today: TodayOption
    @OptionGroup var recording: CommitOption

    func validate() throws {
        try NewDocumentRun.checkSlug(slug)
    }

    func run() throws {
        try Console.run { console in
            NewDocumentRun.report(try NewDocument.create(today: today.timestamp, commit: recording.commit) { session in
                let pm = try session.document(postmortem, kind: .postmortem)
                let id = IDAllocator.nextFinding(postmortem: pm.id, used: session.usedNames)
                let folder = pm.path.folder.text
                let path = "\(folder)/findings/\(id)-\(slug ?? DocumentTemplate.slug(title)).md"
                return (path, DocumentTemplate.render(kind: .finding, path: path, schema: session.ruleset.ownSchemaFile(for: .finding), fields: [
                    ("id", .scalar(id)), ("kind", .scalar("finding")), ("postmortem", .scalar(pm.id)), ("title", .scalar(title)),
                    ("category", .scalar(category)), ("owner", .scalar(owner)), ("bugs", .list(bugs)), ("status", .scalar("open")),
                ], sections: session.ruleset.configuration.sections[.finding] ?? []))
            }, console: console)
        }
    }
}
