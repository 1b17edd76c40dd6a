/// A postmortem that says `closed` while a remediation item under it is still to do.
public struct ClosedWithOpenRemediationRule: DocumentwiseRule {
    public static let description = RuleDescription(
        id: RuleID.closureOpenRemediation, name: "closed-with-open-remediation",
        summary: "A closed postmortem's remediation items must all be `done` or `wont-fix` (`proposed` blocks too, until someone commits to it or turns it down).",
        rationale: "The point of a postmortem is the fixes; closing it with fixes outstanding hides them from every review.",
        bad: RuleExamples.edit(RuleExamples.postmortemPath, "status: published", "status: closed\nclosed_at: 2026-03-09\nclosed_by: carol")
            .merging(RuleExamples.edit(RuleExamples.findingPath, "status: open", "status: accepted-risk\njustification: Accepted.\napproved_by: carol")) { $1 }
            .merging(RuleExamples.edit(RuleExamples.remediationPath, "status: open", "↓status: open")) { $1 },
        good: RuleExamples.edit(RuleExamples.postmortemPath, "status: published", "status: closed\nclosed_at: 2026-03-09\nclosed_by: carol")
            .merging(RuleExamples.edit(RuleExamples.findingPath, "status: open", "status: resolved")) { $1 }
            .merging(RuleExamples.edit(RuleExamples.remediationPath, "status: open", "status: done\nresolved_at: 2026-03-08\nresolution: Enabled automatic failover.")) { $1 },
        mentions: ["R-2026-001-01", "`open`", "PM-2026-001"])

    public init() {}

    public func check(_ document: Document, in index: RepositoryIndex, context: RuleContext, into diagnostics: inout [Diagnostic]) {
        ClosureRules.check(document, for: RuleID.closureOpenRemediation, Self.description, index, context, into: &diagnostics)
    }
}
