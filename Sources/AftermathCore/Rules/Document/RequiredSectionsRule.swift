/// The body must have the sections a review expects (configurable per kind under `sections:`).
public struct RequiredSectionsRule: DocumentRule {
    public static let description = RuleDescription(
        id: RuleID.missingSection, name: "required-sections",
        summary: "A document's body must have every required `## ` section (postmortems by default: Summary, Timeline, Root cause, Response, Lessons).",
        rationale: "A postmortem without a root cause or lessons is a status update, not a postmortem.",
        bad: RuleExamples.edit(RuleExamples.postmortemPath, [("## Lessons\nFailover was manual.\n", ""), ("---\n## Summary", "---\n↓## Summary")]),
        good: RuleExamples.edit(RuleExamples.postmortemPath, "## Lessons\nFailover was manual.\n", "")
            .merging([".aftermath.yml": "roots: [postmortems]\nowners: owners.yml\nsections:\n  postmortem: [Summary, Timeline, Root cause, Response]\n"]) { $1 },
        mentions: ["## Lessons"])

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Diagnostic] {
        let required = context.ruleset.configuration.sections[document.kind] ?? []
        return required.filter { document.body.section(named: $0) == nil }.map { title in
            context.diagnostic(Self.description, document,
                at: SourceLocation(line: document.body.firstLine, column: 1),
                "missing required section `## \(title)`")
        }
    }
}
