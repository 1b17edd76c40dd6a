/// A bug reference to an issue its tracker says does not exist.
public struct MissingTrackerIssueRule: TrackerDriftRule {
    public static let description = RuleDescription(
        id: RuleID.missingTrackerIssue, name: "missing-tracker-issue",
        summary: "A bug reference naming an issue its tracker does not have (deleted, moved or mistyped), by the states kept at the last `aftermath bugs --refresh`.",
        rationale: "A reference that leads nowhere looks like evidence of follow-up while it is none.",
        bad: RuleExamples.edit(RuleExamples.findingPath, "bugs: [JIRA:OPS-12]", "bugs: [↓JIRA:OPS-21]")
            .merging(RuleExamples.keeping([.missing("JIRA:OPS-21", tracker: "jira", fetchedAt: RuleExamples.fetchedAt)])) { $1 },
        good: RuleExamples.keeping([RuleExamples.state("JIRA:OPS-12", open: true, status: "Open"),
                                    .missing("JIRA:OPS-21", tracker: "jira", fetchedAt: RuleExamples.fetchedAt)]),
        mentions: ["`JIRA:OPS-21`", "jira"])

    public init() {}

    public static func flags(_ document: any DocumentFields, _ state: TrackerState) -> Bool { !state.exists }

    public func check(_ document: Document, in context: RuleContext) -> [Diagnostic] {
        Self.flagged(in: document, context).map { node, state in
            context.diagnostic(Self.description, document, at: node.location,
                "bug reference `\(state.reference)`: \(state.tracker) has no such issue (\(BugReferences.asOf(state))); correct the reference, or remove it",
                owner: document.owner)
        }
    }
}
