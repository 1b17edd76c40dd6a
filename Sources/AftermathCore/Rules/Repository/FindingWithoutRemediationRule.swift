public struct FindingWithoutRemediationRule: DocumentwiseRule {
    public static let description = RuleDescription(
        id: RuleID.findingWithoutRemediation, name: "finding-without-remediation", severity: .warning,
        summary: "An open finding should have at least one remediation item (or be marked `accepted-risk`).",
        rationale: "A finding with no remediation item has no owner doing anything about it.",
        bad: [RuleExamples.remediationPath: ""].merging(RuleExamples.edit(RuleExamples.findingPath, "status: open", "↓status: open")) { $1 },
        good: [RuleExamples.remediationPath: ""].merging(RuleExamples.edit(RuleExamples.findingPath, "status: open",
            "status: accepted-risk\njustification: Hardware is replaced next month.\napproved_by: carol")) { $1 },
        mentions: ["F-2026-001-01"])

    public init() {}

    public func check(_ finding: Document, in index: RepositoryIndex, context: RuleContext, into diagnostics: inout [Diagnostic]) {
        guard finding.kind == .finding, finding.status == "open", !index.hasLinked(to: finding.id, kind: .remediation) else { return }
        diagnostics.append(context.diagnostic(Self.description, finding, at: finding.location(of: "status"),
            "finding \(finding.id) is open with no remediation item; add one under remediations/ or mark it accepted-risk",
            owner: finding.owner))
    }
}
