/// Every link must point at an existing document of the right kind.
public struct BrokenLinkRule: RepositoryRule {
    public static let description = RuleDescription(
        id: RuleID.brokenLink, name: "broken-link",
        summary: "A finding's `postmortem`, a remediation item's `finding` and every `related` ID must exist and be of the right kind.",
        rationale: "An item linked to nothing is never reviewed and never blocks a closure.",
        bad: RuleExamples.edit(RuleExamples.remediationPath, "finding: F-2026-001-01", "finding: F-2026-001-09"),
        good: [:])

    public init() {}

    public func check(_ index: RepositoryIndex, in context: RuleContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for document in index.documents {
            var links: [(field: String, id: String, kind: DocumentKind, location: SourceLocation)] = []
            switch document.kind {
            case .postmortem: break
            case .finding:
                if let id = document.string("postmortem") { links.append(("postmortem", id, .postmortem, document.location(of: "postmortem"))) }
                for node in document.frontMatter["related"]?.arrayValue ?? [] {
                    if let id = node.stringValue { links.append(("related", id, .finding, node.location)) }
                }
            case .remediation:
                if let id = document.string("finding") { links.append(("finding", id, .finding, document.location(of: "finding"))) }
            }
            for link in links {
                if let target = index[link.id], target.kind == link.kind { continue }
                let what = index[link.id].map { "is a \($0.kind.rawValue), not a \(link.kind.rawValue)" } ?? "does not exist"
                diagnostics.append(context.diagnostic(Self.description, document, at: link.location,
                    "`\(link.field)` links to `\(link.id)`, which \(what)\(Suggestion.hint(index.suggestion(for: link.id, kind: link.kind)))"))
            }
        }
        return diagnostics
    }
}
