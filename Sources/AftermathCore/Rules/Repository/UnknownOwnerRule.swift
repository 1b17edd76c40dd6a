/// People and teams named in documents must exist in the owners registry.
public struct UnknownOwnerRule: DocumentwiseRule {
    public static let description = RuleDescription(
        id: RuleID.unknownOwner, name: "unknown-owner",
        summary: "`owner`, `authors`, `approved_by` and `closed_by` must name a person or team in the owners registry (aliases resolve to their person).",
        rationale: "An item owned by nobody reachable is never done; typos in handles are the usual cause.",
        bad: RuleExamples.edit(RuleExamples.remediationPath, "owner: bob", "↓owner: bbo"),
        good: RuleExamples.edit(RuleExamples.postmortemPath, "authors: [alice]", "authors: [amoreau]"),
        mentions: ["`bbo`", "did you mean `bob`"])

    static let fields = ["owner", "authors", "approved_by", "closed_by"]

    public init() {}

    public func check(_ document: Document, in index: RepositoryIndex, context: RuleContext, into diagnostics: inout [Diagnostic]) {
        func check(_ name: Node, _ field: String, at location: @autoclosure () -> SourceLocation) {
            guard let handle = name.stringValue, !context.ruleset.owners.knows(handle) else { return }
            diagnostics.append(context.diagnostic(Self.description, document, at: location(),
                "`\(field)` names `\(handle)`, who is not in the owners registry\(Suggestion.hint(context.ruleset.owners.suggestion(for: handle)))"))
        }
        for field in Self.fields {
            guard let node = document.field(field) else { continue }
            if let names = node.arrayValue {
                for name in names { check(name, field, at: name.location) }
            } else {
                check(node, field, at: document.location(of: field))
            }
        }
    }
}
