/// A postmortem that says `closed` while a finding under it is unresolved.
public struct ClosedWithOpenFindingRule: DocumentwiseRule {
    public static let description = RuleDescription(
        id: RuleID.closureOpenFinding, name: "closed-with-open-finding",
        summary: "A closed postmortem's findings must all be `resolved` or `accepted-risk`.",
        rationale: "Closing a postmortem ends its review; an open finding under it would never be looked at again. `aftermath close` refuses; this rule catches hand edits.",
        bad: RuleExamples.edit(RuleExamples.postmortemPath, "status: published", "status: closed\nclosed_at: 2026-03-09\nclosed_by: carol")
            .merging(RuleExamples.edit(RuleExamples.findingPath, "status: open", "↓status: open")) { $1 },
        good: RuleExamples.edit(RuleExamples.postmortemPath, "status: published", "status: closed\nclosed_at: 2026-03-09\nclosed_by: carol")
            .merging(RuleExamples.edit(RuleExamples.findingPath, "status: open", "status: resolved")) { $1 }
            .merging(RuleExamples.edit(RuleExamples.remediationPath, "status: open", "status: done\nresolved_at: 2026-03-08\nresolution: Enabled automatic failover.")) { $1 },
        mentions: ["F-2026-001-01", "`open`", "PM-2026-001"])

    public init() {}

    public func check(_ document: Document, in index: RepositoryIndex, context: RuleContext, into diagnostics: inout [Diagnostic]) {
        ClosureRules.check(document, for: RuleID.closureOpenFinding, Self.description, index, context, into: &diagnostics)
    }
}

enum ClosureRules {
    /// Blockers of one kind, when `pm` is a postmortem that already says `closed`.
    static func check(_ pm: Document, for ruleID: String, _ description: RuleDescription, _ index: RepositoryIndex,
                      _ context: RuleContext, into diagnostics: inout [Diagnostic]) {
        guard pm.kind == .postmortem, pm.status == "closed" else { return }
        for blocker in ClosureGate.blockers(for: pm, in: index) where blocker.ruleID == ruleID {
            diagnostics.append(context.diagnostic(description, blocker.document, at: blocker.location,
                                                  blocker.message + ": \(pm.id) is closed", owner: blocker.owner))
        }
    }
}
