import ArgumentParser
import AftermathCore
import AftermathEngine

extension ListQuery.SortKey: ExpressibleByArgument {}
extension ListQuery.GroupKey: ExpressibleByArgument {}
extension DocumentKind: ExpressibleByArgument {}

enum ListFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv, markdown }

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List documents for review: by default open remediation items, overdue first, then by due date.",
        discussion: "Filters combine (all must match). --owner takes a person or a team; a team also matches its members' items."
    )

    @Option(help: "Kinds to list (repeatable; default: remediation).")
    var kind: [DocumentKind] = []

    @Flag(name: .customLong("all"), help: "Include resolved documents (done, wont-fix, resolved, accepted-risk, closed).")
    var includeResolved = false

    @Flag(help: "Only open documents (the default; kept for scripts that pass it).")
    var open = false

    @Option(help: "Only these statuses (repeatable).")
    var status: [String] = []

    @Option(help: ArgumentHelp("Owned by this person or team (a team includes its members' items).", valueName: "handle"))
    var owner: String?

    @Option(help: ArgumentHelp("Owned by this team or one of its members.", valueName: "team"))
    var team: String?

    @Option(help: "Only these severities (sev1…sev4, repeatable).")
    var severity: [String] = []

    @Option(help: "Only these finding categories (repeatable).")
    var category: [String] = []

    @Option(help: ArgumentHelp("Only documents under this postmortem.", valueName: "id"))
    var postmortem: String?

    @Flag(help: "Only overdue remediation items.")
    var overdue = false

    @Option(help: ArgumentHelp("Only items due before this date.", valueName: "date"))
    var dueBefore: String?

    @Option(help: "Sort by due, severity, owner, age or id (default: overdue first, then due date).")
    var sort: ListQuery.SortKey?

    @Option(help: "Group by owner, team, postmortem or category.")
    var groupBy: ListQuery.GroupKey?

    @Option(help: "Output format: table, json, csv or markdown.")
    var format: ListFormat = .table

    @OptionGroup var snapshot: SnapshotOptions
    @OptionGroup var today: TodayOption

    func validate() throws {
        if let dueBefore, Timestamp.parseDate(dueBefore) == nil { throw ValidationError("--due-before must be a date like 2026-03-01") }
    }

    var query: ListQuery {
        var query = ListQuery()
        if !kind.isEmpty { query.kinds = Set(kind) }
        // Open documents of every kind unless --all (or --status, which names the statuses).
        query.openOnly = open || !includeResolved
        query.statuses = Set(status)
        if !status.isEmpty { query.openOnly = false }
        query.owner = owner
        query.team = team
        query.severities = Set(severity)
        query.categories = Set(category)
        query.postmortem = postmortem
        query.overdueOnly = overdue
        query.dueBefore = dueBefore.flatMap(Timestamp.parseDate)
        query.sort = sort
        return query
    }

    func run() throws {
        try Console.run { console in
            let workspace = Workspace()
            let listing = try workspace.list(query, groupBy: groupBy, choice: snapshot.choice, today: today.timestamp)
            switch format {
            case .table: console.out(ListRenderer.table(listing, width: Terminal.width(), colour: Terminal.stdoutColour()))
            case .json: console.out(ListRenderer.json(listing, grouped: groupBy != nil))
            case .csv: console.out(ListRenderer.csv(listing, grouped: groupBy != nil))
            case .markdown: console.out(ListRenderer.markdown(listing))
            }
            console.finish(ExitStatus.ok, after: workspace)
        }
    }
}
