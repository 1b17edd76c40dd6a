/// A finding marked resolved while one of its bugs is still open in its tracker.
public struct OpenBugOfResolvedFindingRule: TrackerDriftRule {
    public static let description = RuleDescription(
        id: RuleID.openBugOfResolvedFinding, name: "open-bug-of-resolved-finding", severity: .warning,
        summary: "A finding `resolved` with a bug still open in its tracker, by the states kept at the last `aftermath bugs --refresh`.",
        rationale: "A finding is resolved when the weakness is fixed; an open bug says someone still thinks it is not.",
        bad: RuleExamples.edit(RuleExamples.findingPath, [("bugs: [JIRA:OPS-12]", "bugs: [↓JIRA:OPS-12]"), ("status: open", "status: resolved")])
            .merging(RuleExamples.edit(RuleExamples.remediationPath, "status: open",
                                       "status: done\nresolved_at: 2026-03-04\nresolution: Enabled automatic failover.")) { $1 }
            .merging(RuleExamples.keeping([RuleExamples.state("JIRA:OPS-12", open: true, status: "Open")])) { $1 },
        good: RuleExamples.edit(RuleExamples.findingPath, "status: open", "status: resolved")
            .merging(RuleExamples.edit(RuleExamples.remediationPath, "status: open",
                                       "status: done\nresolved_at: 2026-03-04\nresolution: Enabled automatic failover.")) { $1 }
            .merging(RuleExamples.keeping([RuleExamples.state("JIRA:OPS-12", open: false, status: "Closed", resolution: "Done",
                                                                closedAt: "2026-03-05T10:00:00Z")])) { $1 },
        mentions: ["F-2026-001-01", "`JIRA:OPS-12`", "`resolved`"])

    public init() {}

    public static func flags(_ document: any DocumentFields, _ state: TrackerState) -> Bool {
        document.kind == .finding && document.status == "resolved" && state.exists && state.isOpen
    }

    public func check(_ document: Document, in context: RuleContext) -> [Diagnostic] {
        Self.flagged(in: document, context).map { node, state in
            context.diagnostic(Self.description, document, at: node.location,
                "\(document.id) is `resolved` but its bug `\(state.reference)` is still open (\(state.status)) in \(state.tracker), \(BugReferences.asOf(state)); close the bug, or reopen the finding",
                owner: document.owner)
        }
    }
}
