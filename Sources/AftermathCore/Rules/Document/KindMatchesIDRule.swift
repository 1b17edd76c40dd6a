/// `kind` and the ID prefix must agree: a `PM-` ID is a postmortem, `F-` a finding, `R-` a remediation item.
public struct KindMatchesIDRule: DocumentRule {
    public static let description = RuleDescription(
        id: RuleID.kindMismatch, name: "kind-matches-id",
        summary: "The `kind` field must agree with the ID's prefix (PM-, F-, R-), and a document must have a kind.",
        rationale: "Links are checked by kind; a finding with a postmortem's ID would break every link to either.",
        bad: RuleExamples.edit(RuleExamples.findingPath, "kind: finding", "↓kind: remediation"),
        good: [RuleExamples.findingPath: RuleExamples.finding],
        mentions: ["F-2026-001-01", "`remediation`"])

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Diagnostic] {
        guard let expected = DocumentKind.fromID(document.id), expected != document.kind else { return [] }
        return [context.diagnostic(Self.description, document, at: document.location(of: "kind"),
            "`\(document.id)` is a \(expected.rawValue) ID but `kind` is `\(document.kind.rawValue)`")]
    }
}
