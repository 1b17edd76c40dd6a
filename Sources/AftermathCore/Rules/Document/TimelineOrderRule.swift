/// Timeline entries must be in chronological order.
public struct TimelineOrderRule: DocumentRule {
    public static let description = RuleDescription(
        id: RuleID.timelineOrder, name: "timeline-order",
        summary: "Timeline entries must be in chronological order.",
        rationale: "Readers reconstruct cause and effect from the order of events; an entry out of place tells the wrong story.",
        bad: RuleExamples.edit(RuleExamples.postmortemPath, "- 2026-03-01 10:10 Incident declared", "- ↓2026-03-01 09:10 Incident declared"),
        good: RuleExamples.edit(RuleExamples.postmortemPath, "- 2026-03-01 10:10 Incident declared", "- 2026-03-01 10:10 Incident declared\n- 2026-03-01 10:40 Replica promoted by hand"),
        mentions: ["earlier than the entry on line 21", "2026-03-01 10:05 Disk-full alert fires"])

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Diagnostic] {
        guard document.kind == .postmortem else { return [] }
        // The latest entry so far: an entry out of place is earlier than it, and the message
        // names it so the reader sees which two disagree.
        var latest: (stamp: Timestamp, entry: MarkdownBody.TimelineEntry)?
        var diagnostics: [Diagnostic] = []
        for entry in document.body.timeline {
            guard let stamp = entry.timestamp else { continue }
            if let latest, stamp < latest.stamp {
                diagnostics.append(context.diagnostic(Self.description, document, at: entry.location,
                    "timeline entry is earlier than the entry on line \(latest.entry.location.line) (\(Excerpt.of(latest.entry.text))); keep the timeline in chronological order"))
            }
            if latest.map({ stamp >= $0.stamp }) ?? true { latest = (stamp, entry) }
        }
        return diagnostics
    }
}
