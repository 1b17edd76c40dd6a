public struct PostmortemWithoutFindingsRule: RepositoryRule {
    public static let description = RuleDescription(
        id: RuleID.postmortemWithoutFindings, name: "postmortem-without-findings", severity: .warning,
        summary: "A published postmortem should have at least one finding.",
        rationale: "A postmortem that found nothing to fix has usually not been finished; incidents recur when no finding is tracked.",
        bad: [RuleExamples.findingPath: "", RuleExamples.remediationPath: ""],
        good: [:])

    public init() {}

    public func check(_ index: RepositoryIndex, in context: RuleContext) -> [Diagnostic] {
        index.documents(of: .postmortem).filter { ["published", "closed"].contains($0.status ?? "") && index.findings(of: $0.id).isEmpty }.map {
            context.diagnostic(Self.description, $0, at: $0.location(of: "status"),
                "\($0.id) is \($0.status ?? "") but has no findings; add the findings under findings/")
        }
    }
}
