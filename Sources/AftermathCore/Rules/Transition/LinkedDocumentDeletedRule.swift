/// A document that others link to may not be deleted.
public struct LinkedDocumentDeletedRule: TransitionRule {
    public static let description = RuleDescription(
        id: RuleID.linkedDocumentDeleted, name: "linked-document-deleted",
        summary: "A postmortem or finding that other documents link to may not be deleted.",
        rationale: "Deleting the target of a link orphans every finding or remediation item under it.",
        bad: [RuleExamples.findingPath: ""].merging(RuleExamples.edit(RuleExamples.remediationPath, "finding: F-2026-001-01", "↓finding: F-2026-001-01")) { $1 },
        good: [
            RuleExamples.findingPath: "",
            "postmortems/PM-2026-001-db-outage/findings/F-2026-001-02-no-failover-test.md": RuleExamples.finding
                .replacing("F-2026-001-01", with: "F-2026-001-02").replacing("title: No automatic failover", with: "title: Failover never tested"),
        ].merging(RuleExamples.edit(RuleExamples.remediationPath, "finding: F-2026-001-01", "finding: F-2026-001-02")) { $1 },
        before: [:],
        mentions: ["F-2026-001-01", "R-2026-001-01", "deleted"])

    public init() {}

    public func check(before: RepositoryIndex, after: RepositoryIndex, in context: RuleContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for old in before.documents where after[old.id] == nil {
            let linking = after.documents.filter { $0.parentID == old.id || ($0.field("related")?.stringList.contains(old.id) ?? false) }
            for document in linking {
                let field = document.parentID == old.id ? (document.kind == .finding ? "postmortem" : "finding") : "related"
                diagnostics.append(context.diagnostic(Self.description, document, at: document.location(of: field),
                    "\(old.id) (\(old.path)) was deleted but \(document.id) still links to it"))
            }
        }
        return diagnostics
    }
}
