/// A document that others link to may not be deleted.
public struct LinkedDocumentDeletedRule: TransitionRule {
    public static let description = RuleDescription(
        id: RuleID.linkedDocumentDeleted, name: "linked-document-deleted",
        summary: "A postmortem or finding that other documents link to may not be deleted; reported once, at the deleted file, naming every document still linking to it (each broken link is also an AM202 where it stands).",
        rationale: "Deleting the target of a link orphans every finding or remediation item under it.",
        bad: [RuleExamples.findingPath: "↓"],
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
            guard !linking.isEmpty else { continue }
            // One report of the deletion, where it happened; the links it breaks are each an
            // AM202 in the linking document, which is where they are fixed.
            let names = linking.map(\.id).joined(separator: ", ")
            let what = linking.count == 1
                ? "\(names) still links to it; delete or relink it"
                : "\(linking.count) documents still link to it (\(names)); delete or relink them"
            diagnostics.append(Diagnostic(path: old.path, location: .fileStart,
                severity: context.ruleset.severity(of: Self.description.id, name: Self.description.name, default: Self.description.severity),
                ruleID: Self.description.id,
                message: "\(old.id) was deleted but \(what) in the same commit"))
        }
        return diagnostics
    }
}
