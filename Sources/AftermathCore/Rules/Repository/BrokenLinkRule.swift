/// Every link must point at an existing document of the right kind.
public struct BrokenLinkRule: DocumentwiseRule {
    public static let description = RuleDescription(
        id: RuleID.brokenLink, name: "broken-link",
        summary: "A finding's `postmortem`, a remediation item's `finding` and every `related` ID must exist and be of the right kind.",
        rationale: "An item linked to nothing is never reviewed and never blocks a closure.",
        bad: RuleExamples.edit(RuleExamples.remediationPath, "finding: F-2026-001-01", "↓finding: F-2026-001-09"),
        good: [RuleExamples.remediationPath: RuleExamples.remediation],
        mentions: ["F-2026-001-09", "did you mean `F-2026-001-01`"])

    public init() {}

    public func check(_ document: Document, in index: RepositoryIndex, context: RuleContext, into diagnostics: inout [Diagnostic]) {
        // Positions and messages are worked out for broken links only: most links hold.
        func check(_ field: String, _ id: String, _ kind: DocumentKind, at location: () -> SourceLocation) {
            let target = index[id]
            if let target, target.kind == kind { return }
            let what = target.map { "is a \($0.kind.rawValue), not a \(kind.rawValue)" } ?? "does not exist"
            diagnostics.append(context.diagnostic(Self.description, document, at: location(),
                "`\(field)` links to `\(id)`, which \(what)\(Suggestion.hint(index.suggestion(for: id, kind: kind)))"))
        }
        switch document.kind {
        case .postmortem: break
        case .finding:
            if let id = document.string("postmortem") { check("postmortem", id, .postmortem) { document.location(of: "postmortem") } }
            for node in document.field("related")?.arrayValue ?? [] {
                if let id = node.stringValue { check("related", id, .finding) { node.location } }
            }
        case .remediation:
            if let id = document.string("finding") { check("finding", id, .finding) { document.location(of: "finding") } }
        }
    }
}
