/// A tracker rule: it flags a reference of a document by what its tracker says of it, so that
/// `aftermath bugs` can mark the same references the rule reports.
public protocol TrackerDriftRule: DocumentRule {
    /// Whether the rule flags `state`, a reference of `document`.
    static func flags(_ document: any DocumentFields, _ state: TrackerState) -> Bool
}

extension TrackerDriftRule {
    /// The references of `document` the rule flags, with their states, in document order.
    static func flagged(in document: Document, _ context: RuleContext) -> [(node: Node, state: TrackerState)] {
        BugReferences.kept(in: document, context).filter { flags(document, $0.state) }
    }
}

/// A document's bug references with what their trackers last said (`bugs` of findings, `bug`
/// of remediation items), for the tracker drift rules.
enum BugReferences {
    /// Each reference node that has a kept state, with that state, in document order.
    static func kept(in document: Document, _ context: RuleContext) -> [(node: Node, state: TrackerState)] {
        let states = context.ruleset.trackerStates
        guard !states.isEmpty, document.kind != .postmortem else { return [] }
        let nodes = document.field("bugs")?.arrayValue ?? document.field("bug").map { [$0] } ?? []
        return nodes.compactMap { node in node.stringValue.flatMap { states[$0] }.map { (node, $0) } }
    }

    /// `as of 2026-03-09`, for messages: states are what the tracker said then.
    static func asOf(_ state: TrackerState) -> String { "as of \(state.fetchedAt.dateString)" }
}
