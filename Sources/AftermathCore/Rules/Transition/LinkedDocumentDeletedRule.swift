/// A document that others link to may not be deleted.
public struct LinkedDocumentDeletedRule: TransitionRule {
    public static let description = RuleDescription(
        id: RuleID.linkedDocumentDeleted, name: "linked-document-deleted",
        summary: "A postmortem or finding that other documents link to may not be deleted.",
        rationale: "Deleting the target of a link orphans every finding or remediation item under it.",
        bad: [RuleExamples.findingPath: ""],
        good: [RuleExamples.findingPath: "", RuleExamples.remediationPath: ""],
        before: [:])

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
