/// An ID names exactly one document in the repository.
public struct DuplicateIDRule: RepositoryRule {
    public static let description = RuleDescription(
        id: RuleID.duplicateID, name: "duplicate-id",
        summary: "Every ID must be unique across the repository; each copy is reported.",
        rationale: "IDs are the identity: links, history and reports would silently pick one of the two.",
        bad: [
            "postmortems/PM-2026-001-db-outage/findings/F-2026-001-02-copy.md": RuleExamples.finding.replacing("id:", with: "↓id:"),
            RuleExamples.findingPath: RuleExamples.finding.replacing("id:", with: "↓id:"),
        ],
        good: ["postmortems/PM-2026-001-db-outage/findings/F-2026-001-02-copy.md": RuleExamples.finding.replacing("F-2026-001-01", with: "F-2026-001-02")],
        mentions: ["F-2026-001-01", "also used by"])

    public init() {}

    public func check(_ index: RepositoryIndex, in context: RuleContext) -> [Diagnostic] {
        index.duplicates.sorted { $0.key < $1.key }.flatMap { id, documents in
            documents.map { document in
                let others = documents.filter { $0.path != document.path }.map(\.path.text).joined(separator: ", ")
                return context.diagnostic(Self.description, document, at: document.location(of: "id"),
                    "ID `\(id)` is also used by \(others)")
            }
        }
    }
}
