/// Where a file follows the naming convention, its name must carry its own ID.
public struct FileNameMatchesIDRule: DocumentRule {
    public static let description = RuleDescription(
        id: RuleID.fileNameMismatch, name: "file-name-matches-id", severity: .warning,
        summary: "A file named by the convention (`PM-…-slug/postmortem.md`, `F-…-slug.md`, `R-…-slug.md`) must carry its document's ID.",
        rationale: "IDs are the identity and paths only a convention, but a file named after another ID misleads every reader of the tree.",
        bad: [
            "postmortems/PM-2026-001-db-outage/findings/F-2026-001-07-no-failover.md": RuleExamples.finding.replacing("id:", with: "↓id:"),
            RuleExamples.findingPath: "",
        ],
        good: [
            "postmortems/PM-2026-001-db-outage/findings/F-2026-001-01-manual-failover.md": RuleExamples.finding,
            RuleExamples.findingPath: "",
        ],
        mentions: ["F-2026-001-07", "F-2026-001-01"])

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Diagnostic] {
        let named = ConventionalPath(document.path).namedID(for: document.kind)
        guard let named, named != document.id else { return [] }
        return [context.diagnostic(Self.description, document, at: document.location(of: "id"),
            "file name says `\(named)` but the document's ID is `\(document.id)`; rename the file or fix the ID")]
    }
}
