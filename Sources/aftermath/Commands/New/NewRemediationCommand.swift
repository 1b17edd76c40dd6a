import ArgumentParser
import AftermathCore
import AftermathEngine

struct NewRemediationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remediation", abstract: "Create a remediation item of a finding (status: open).")

    @Option(help: ArgumentHelp("The finding's ID.", valueName: "id")) var finding: String
    @Option(help: "Title of the remediation item.") var title: String
    @Option(help: ArgumentHelp("Owner (person or team).", valueName: "handle")) var owner: String
    @Option(help: ArgumentHelp("Due date (default: the latest the severity's policy allows).", valueName: "date")) var due: String?
    @Option(help: ArgumentHelp("Status: proposed or open.", valueName: "status")) var status: String = "open"
    @Option(help: ArgumentHelp("Bug reference, e.g. JIRA:SEC-123.", valueName: "ref")) var bug: String?
    @Option(help: "Priority: p0 … p3.") var priority: String?
    @Option(help: ArgumentHelp("File name after the ID (default: from the title).", valueName: "slug")) var slug: String?
    @OptionGroup var today: TodayOption
    @OptionGroup var recording: CommitOption

    func validate() throws {
        try NewDocumentRun.checkSlug(slug)
        if let due, Timestamp.parseDate(due) == nil { throw ValidationError("--due must be a date like 2026-03-01") }
    }

    func run() throws {
        try Console.run { console in
            if let due, let date = Timestamp.parseDate(due), date < today.timestamp {
                console.err("aftermath: warning: --due \(due) is in the past (today is \(today.timestamp.dateString)); the item will be overdue at once")
            }
            return NewDocumentRun.report(try NewDocument.create(today: today.timestamp, commit: recording.commit) { session in
                let findingDocument = try session.document(finding, kind: .finding)
                guard let pm = try session.neighbourhood(of: findingDocument).postmortem(of: findingDocument) else {
                    throw WorkspaceError.usage("finding \(findingDocument.id) links to no existing postmortem; fix it first")
                }
                let id = IDAllocator.nextRemediation(postmortem: pm.id, used: session.usedNames)
                let folder = pm.path.folder.text
                let path = "\(folder)/remediations/\(id)-\(slug ?? DocumentTemplate.slug(title)).md"
                var fields: [(String, FieldChange.NewValue)] = [
                    ("id", .scalar(id)), ("kind", .scalar("remediation")), ("finding", .scalar(findingDocument.id)), ("title", .scalar(title)),
                    ("owner", .scalar(owner)), ("due", .scalar(due ?? NewDocument.policyDue(pm, session.ruleset, today: today.timestamp))),
                    ("status", .scalar(status)),
                ]
                if let bug { fields.append(("bug", .scalar(bug))) }
                if let priority { fields.append(("priority", .scalar(priority))) }
                return (path, DocumentTemplate.render(kind: .remediation, path: path, schema: session.ruleset.ownSchemaFile(for: .remediation), fields: fields,
                                                      sections: session.ruleset.configuration.sections[.remediation] ?? []))
            }, console: console)
        }
    }
}
