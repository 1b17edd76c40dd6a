/// A postmortem that says `closed` while a finding under it is unresolved.
public struct ClosedWithOpenFindingRule: RepositoryRule {
    public static let description = RuleDescription(
        id: RuleID.closureOpenFinding, name: "closed-with-open-finding",
        summary: "A closed postmortem's findings must all be `resolved` or `accepted-risk`.",
        rationale: "Closing a postmortem ends its review; an open finding under it would never be looked at again. `aftermath close` refuses; this rule catches hand edits.",
        bad: RuleExamples.edit(RuleExamples.postmortemPath, "status: published", "status: closed\nclosed_at: 2026-03-09\nclosed_by: carol"),
        good: [:])

    public init() {}

    public func check(_ index: RepositoryIndex, in context: RuleContext) -> [Diagnostic] {
        ClosureRules.diagnostics(for: RuleID.closureOpenFinding, Self.description, index, context)
    }
}

enum ClosureRules {
    /// Blockers of one kind for every postmortem that already says `closed`.
    static func diagnostics(for ruleID: String, _ description: RuleDescription, _ index: RepositoryIndex, _ context: RuleContext) -> [Diagnostic] {
        index.documents(of: .postmortem).filter { $0.status == "closed" }.flatMap { pm in
            ClosureGate.blockers(for: pm, in: index).filter { $0.ruleID == ruleID }.map {
                context.diagnostic(description, $0.document, at: $0.location, $0.message + ": \(pm.id) is closed", owner: $0.owner)
            }
        }
    }
}
