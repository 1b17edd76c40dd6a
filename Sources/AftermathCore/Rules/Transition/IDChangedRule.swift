/// A document keeps its ID for life; links, history and reports depend on it.
public struct IDChangedRule: TransitionRule {
    public static let description = RuleDescription(
        id: RuleID.idChanged, name: "id-changed",
        summary: "A document's ID never changes: the file at a path may not start carrying another ID.",
        rationale: "Everything else refers to documents by ID; renumbering breaks links in other repositories, tickets and chat history.",
        bad: RuleExamples.edit(RuleExamples.remediationPath, "id: R-2026-001-01", "↓id: R-2026-001-07"),
        good: ["postmortems/PM-2026-001-db-outage/remediations/R-2026-001-02-failover-drill.md": RuleExamples.remediation
            .replacing("R-2026-001-01", with: "R-2026-001-02").replacing("title: Automate failover", with: "title: Drill failover every quarter")],
        before: [:],
        mentions: ["R-2026-001-01", "R-2026-001-07"])

    public init() {}

    public func check(before: RepositoryIndex, after: RepositoryIndex, in context: RuleContext) -> [Diagnostic] {
        let oldByPath = Dictionary(before.documents.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        return after.documents.compactMap { new in
            guard let old = oldByPath[new.path], old.id != new.id, after[old.id] == nil else { return nil }
            return context.diagnostic(Self.description, new, at: new.location(of: "id"),
                "ID changed from \(old.id) to \(new.id); IDs are permanent (create a new document instead)")
        }
    }
}
