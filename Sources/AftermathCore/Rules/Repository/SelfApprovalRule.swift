/// Sign-offs must come from someone other than the people signing off on their own work.
public struct SelfApprovalRule: DocumentwiseRule {
    public static let description = RuleDescription(
        id: RuleID.selfApproval, name: "self-approval",
        summary: "`approved_by` must not be the document's owner (findings, remediation items) or one of its authors (postmortems).",
        rationale: "Accepting a risk or dropping a fix is a decision that needs a second person; self-approval defeats the review.",
        bad: RuleExamples.edit(RuleExamples.findingPath, "status: open", "status: accepted-risk\njustification: Too costly.\n↓approved_by: bob"),
        good: RuleExamples.edit(RuleExamples.findingPath, "status: open", "status: accepted-risk\njustification: Too costly.\napproved_by: carol"),
        mentions: ["`bob`", "F-2026-001-01"])

    public init() {}

    public func check(_ document: Document, in index: RepositoryIndex, context: RuleContext, into diagnostics: inout [Diagnostic]) {
        guard let approver = document.string("approved_by") else { return }
        let owners = context.ruleset.owners
        func canonical(_ name: String) -> String { owners.resolve(name)?.handle ?? name }
        let approverHandle = canonical(approver)
        let isSelf = document.kind == .postmortem
            ? (document.field("authors")?.stringList ?? []).contains { canonical($0) == approverHandle }
            : document.owner.map(canonical) == approverHandle
        guard isSelf else { return }
        let role = document.kind == .postmortem ? "an author" : "the owner"
        diagnostics.append(context.diagnostic(Self.description, document, at: document.location(of: "approved_by"),
            "`approved_by` is `\(approver)`, \(role) of \(document.id); approval must come from someone else"))
    }
}
