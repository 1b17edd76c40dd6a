/// A remediation item still pending while its tracker has closed its bug.
public struct ClosedBugOfOpenItemRule: TrackerDriftRule {
    public static let description = RuleDescription(
        id: RuleID.closedBugOfOpenItem, name: "closed-bug-of-open-item", severity: .warning,
        summary: "A remediation item `proposed`, `open` or `in-progress` whose bug its tracker has closed, by the states kept at the last `aftermath bugs --refresh`; the message gives the `aftermath set` command that records it done.",
        rationale: "Work finished in the tracker but not in the postmortem keeps the postmortem from closing, and its overdue warnings chase people for work already done.",
        bad: RuleExamples.edit(RuleExamples.remediationPath, "status: open", "bug: ↓JIRA:OPS-13\nstatus: in-progress")
            .merging(RuleExamples.keeping([RuleExamples.state("JIRA:OPS-13", open: false, status: "Done", resolution: "Fixed",
                                                                closedAt: "2026-03-08T15:30:00Z")])) { $1 },
        good: RuleExamples.edit(RuleExamples.remediationPath, "status: open", "bug: JIRA:OPS-13\nstatus: in-progress")
            .merging(RuleExamples.keeping([RuleExamples.state("JIRA:OPS-13", open: true, status: "In Review")])) { $1 },
        mentions: ["R-2026-001-01", "`JIRA:OPS-13`", "aftermath set R-2026-001-01 status=done resolved_at=2026-03-08 resolution='Fixed in JIRA:OPS-13'"])

    public init() {}

    public static func flags(_ document: any DocumentFields, _ state: TrackerState) -> Bool {
        document.kind == .remediation && ["proposed", "open", "in-progress"].contains(document.status ?? "") && state.exists && !state.isOpen
    }

    public func check(_ document: Document, in context: RuleContext) -> [Diagnostic] {
        let status = document.status ?? ""
        return Self.flagged(in: document, context).map { node, state in
            let day = state.closedDay ?? state.fetchedAt.dateString
            let resolution = "\(state.resolution ?? "Closed") in \(state.reference)"
            let command = "aftermath set \(document.id) status=done resolved_at=\(day) resolution=\(Self.shellQuoted(resolution))"
            return context.diagnostic(Self.description, document, at: node.location,
                "bug `\(state.reference)` was closed (\(state.summary)) on \(day) while \(document.id) is still `\(status)`; if the work is done, record it: \(command)",
                owner: document.owner)
        }
    }

    /// One shell word: single-quoted, each `'` written `'\''`.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacing("'", with: #"'\''"#) + "'"
    }
}
