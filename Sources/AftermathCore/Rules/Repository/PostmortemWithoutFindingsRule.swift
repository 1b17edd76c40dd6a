public struct PostmortemWithoutFindingsRule: DocumentwiseRule {
    public static let description = RuleDescription(
        id: RuleID.postmortemWithoutFindings, name: "postmortem-without-findings", severity: .warning,
        summary: "A published postmortem should have at least one finding.",
        rationale: "A postmortem that found nothing to fix has usually not been finished; incidents recur when no finding is tracked.",
        bad: [RuleExamples.findingPath: "", RuleExamples.remediationPath: ""]
            .merging(RuleExamples.edit(RuleExamples.postmortemPath, "status: published", "↓status: published")) { $1 },
        good: [RuleExamples.findingPath: "", RuleExamples.remediationPath: ""]
            .merging(RuleExamples.edit(RuleExamples.postmortemPath, "status: published", "status: draft")) { $1 },
        mentions: ["PM-2026-001", "published"])

    public init() {}

    public func check(_ pm: Document, in index: RepositoryIndex, context: RuleContext, into diagnostics: inout [Diagnostic]) {
        guard pm.kind == .postmortem, let status = pm.status, status == "published" || status == "closed",
              !index.hasLinked(to: pm.id, kind: .finding) else { return }
        diagnostics.append(context.diagnostic(Self.description, pm, at: pm.location(of: "status"),
            "\(pm.id) is \(status) but has no findings; add the findings under findings/"))
    }
}
