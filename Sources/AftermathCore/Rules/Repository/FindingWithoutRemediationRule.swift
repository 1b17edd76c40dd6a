public struct FindingWithoutRemediationRule: RepositoryRule {
    public static let description = RuleDescription(
        id: RuleID.findingWithoutRemediation, name: "finding-without-remediation", severity: .warning,
        summary: "An open finding should have at least one remediation item (or be marked `accepted-risk`).",
        rationale: "A finding with no remediation item has no owner doing anything about it.",
        bad: [RuleExamples.remediationPath: ""],
        good: [RuleExamples.remediationPath: ""].merging(RuleExamples.edit(RuleExamples.findingPath, "status: open",
            "status: accepted-risk\njustification: Hardware is replaced next month.\napproved_by: carol")) { $1 })

    public init() {}

    public func check(_ index: RepositoryIndex, in context: RuleContext) -> [Diagnostic] {
        index.documents(of: .finding).filter { $0.status == "open" && index.remediations(of: $0.id).isEmpty }.map {
            context.diagnostic(Self.description, $0, at: $0.location(of: "status"),
                "finding \($0.id) is open with no remediation item; add one under remediations/ or mark it accepted-risk",
                owner: $0.owner)
        }
    }
}
