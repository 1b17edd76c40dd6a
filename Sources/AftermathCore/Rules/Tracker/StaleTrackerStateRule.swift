/// Kept tracker states too old to judge drift by.
public struct StaleTrackerStateRule: TrackerDriftRule {
    public static let description = RuleDescription(
        id: RuleID.staleTrackerState, name: "stale-tracker-state", severity: .warning,
        summary: "A bug reference whose kept state was fetched longer ago than `policies.tracker_state_days` (default 14) before today: the drift rules then judge by old news.",
        rationale: "Drift found from a month-old state may be long fixed, and drift that happened since goes unseen; a refresh brings both up to date.",
        bad: RuleExamples.edit(RuleExamples.findingPath, "bugs: [JIRA:OPS-12]", "bugs: [↓JIRA:OPS-12]")
            .merging(RuleExamples.keeping([RuleExamples.state("JIRA:OPS-12", open: true, status: "Open",
                                                                fetchedAt: Timestamp.parseDateTime("2026-02-01T08:00:00Z") ?? RuleExamples.fetchedAt)])) { $1 },
        good: RuleExamples.keeping([RuleExamples.state("JIRA:OPS-12", open: true, status: "Open")]),
        mentions: ["`JIRA:OPS-12`", "2026-02-01", "aftermath bugs --refresh"])

    public init() {}

    public static func flags(_ document: any DocumentFields, _ state: TrackerState) -> Bool { state.isStale }

    public func check(_ document: Document, in context: RuleContext) -> [Diagnostic] {
        let days = context.ruleset.configuration.trackerStateDays
        return Self.flagged(in: document, context).map { node, state in
            context.diagnostic(Self.description, document, at: node.location,
                "the kept state of `\(state.reference)` was fetched on \(state.fetchedAt.dateString), more than \(days) day\(days == 1 ? "" : "s") ago; run `aftermath bugs --refresh`",
                owner: document.owner)
        }
    }
}
