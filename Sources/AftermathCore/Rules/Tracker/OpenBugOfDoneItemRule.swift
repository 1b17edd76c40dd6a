/// A remediation item closed out (`done`, `wont-fix`) while its tracker still has its bug open.
public struct OpenBugOfDoneItemRule: TrackerDriftRule {
    public static let description = RuleDescription(
        id: RuleID.openBugOfDoneItem, name: "open-bug-of-done-item", severity: .warning,
        summary: "A remediation item `done` or `wont-fix` whose bug is still open in its tracker, by the states kept at the last `aftermath bugs --refresh`.",
        rationale: "One of the two records is wrong: either the work is not finished, or the tracker still shows it as pending to whoever plans from there.",
        bad: RuleExamples.edit(RuleExamples.remediationPath, "status: open",
                               "bug: ↓JIRA:OPS-13\nstatus: done\nresolved_at: 2026-03-04\nresolution: Enabled automatic failover.")
            .merging(RuleExamples.keeping([RuleExamples.state("JIRA:OPS-13", open: true, status: "In Progress")])) { $1 },
        good: RuleExamples.edit(RuleExamples.remediationPath, "status: open",
                                "bug: JIRA:OPS-13\nstatus: done\nresolved_at: 2026-03-04\nresolution: Enabled automatic failover.")
            .merging(RuleExamples.keeping([RuleExamples.state("JIRA:OPS-13", open: false, status: "Done", resolution: "Fixed",
                                                                closedAt: "2026-03-04T16:00:00Z")])) { $1 },
        mentions: ["R-2026-001-01", "`JIRA:OPS-13`", "`done`", "In Progress"])

    public init() {}

    public static func flags(_ document: any DocumentFields, _ state: TrackerState) -> Bool {
        document.kind == .remediation && ["done", "wont-fix"].contains(document.status ?? "") && state.exists && state.isOpen
    }

    public func check(_ document: Document, in context: RuleContext) -> [Diagnostic] {
        let status = document.status ?? ""
        return Self.flagged(in: document, context).map { node, state in
            context.diagnostic(Self.description, document, at: node.location,
                "\(document.id) is `\(status)` but its bug `\(state.reference)` is still open (\(state.status)) in \(state.tracker), \(BugReferences.asOf(state)); close the bug, or reopen the item",
                owner: document.owner)
        }
    }
}
