/// A finding marked `resolved` while its remediation items are still to do.
public struct ResolvedWithOpenItemsRule: DocumentwiseRule {
    public static let description = RuleDescription(
        id: RuleID.resolvedWithOpenItems, name: "resolved-with-open-items",
        summary: "A `resolved` finding needs every one of its remediation items `done` or `wont-fix`.",
        rationale: "Resolving the finding while its fixes are pending would unblock the postmortem's closure by hand.",
        bad: RuleExamples.edit(RuleExamples.findingPath, "status: open", "status: resolved")
            .merging(RuleExamples.edit(RuleExamples.remediationPath, "status: open", "↓status: open")) { $1 },
        good: RuleExamples.edit(RuleExamples.findingPath, "status: open", "status: resolved")
            .merging(RuleExamples.edit(RuleExamples.remediationPath, "status: open", "status: wont-fix\nresolution: Replaced by the managed database.\napproved_by: carol")) { $1 },
        mentions: ["F-2026-001-01", "R-2026-001-01"])

    public init() {}

    public func check(_ finding: Document, in index: RepositoryIndex, context: RuleContext, into diagnostics: inout [Diagnostic]) {
        guard finding.kind == .finding, finding.status == "resolved" else { return }
        for item in index.linked(to: finding.id, kind: .remediation) where item.isOpen {
            diagnostics.append(context.diagnostic(Self.description, item, at: item.location(of: "status"),
                "finding \(finding.id) is resolved but its remediation item \(item.id) is `\(item.status ?? "unset")`",
                owner: item.owner))
        }
    }
}
