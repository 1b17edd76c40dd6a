/// Bug references must be in a configured tracker's form, so each resolves to a URL.
public struct BugTrackerRule: DocumentwiseRule {
    public static let description = RuleDescription(
        id: RuleID.unknownTracker, name: "unknown-tracker",
        summary: "Every bug reference (`bugs` of findings, `bug` of remediation items) must match one tracker of the configuration (defaults: `JIRA:KEY-1`, `github:org/repo#1`, `gitlab:group/project#1`).",
        rationale: "A reference no tracker recognises cannot be followed, so nobody can check the fix was made.",
        bad: RuleExamples.edit(RuleExamples.findingPath, "bugs: [JIRA:OPS-12]", "bugs: [↓OPS12]"),
        good: RuleExamples.edit(RuleExamples.findingPath, "bugs: [JIRA:OPS-12]", "bugs: [JIRA:OPS-12, 'github:acme/db#45']"),
        mentions: ["`OPS12`"])

    public init() {}

    public func check(_ document: Document, in index: RepositoryIndex, context: RuleContext, into diagnostics: inout [Diagnostic]) {
        guard document.kind != .postmortem else { return }
        let trackers = context.ruleset.configuration.trackers
        func check(_ reference: Node) {
            guard let text = reference.stringValue, !trackers.knows(text) else { return }
            let forms = trackers.trackers.map(\.name).joined(separator: ", ")
            diagnostics.append(context.diagnostic(Self.description, document, at: reference.location,
                "bug reference `\(text)` matches no configured tracker (\(forms))"
                    + (trackers.nearMiss(text).map { " (did you mean `\($0)`?)" } ?? "; e.g. `JIRA:SEC-123` or `github:org/repo#45`")))
        }
        // A list of `bugs`, else one `bug` (looked at in place: this runs for every finding and item).
        if let references = document.field("bugs")?.arrayValue {
            references.forEach(check)
        } else if let reference = document.field("bug") {
            check(reference)
        }
    }
}
