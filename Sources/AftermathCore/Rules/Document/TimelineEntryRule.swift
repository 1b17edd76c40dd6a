/// Every Timeline entry starts with a time, so the timeline can be ordered and measured.
public struct TimelineEntryRule: DocumentRule {
    public static let description = RuleDescription(
        id: RuleID.timelineEntry, name: "timeline-entry",
        summary: "Each item of the `## Timeline` list must start with an RFC 3339 timestamp or `YYYY-MM-DD HH:MM` (UTC).",
        rationale: "A timeline without times cannot be checked for order or used to measure the response.",
        bad: RuleExamples.edit(RuleExamples.postmortemPath, "- 2026-03-01 10:10 Incident declared", "- ↓Later: incident declared"),
        good: RuleExamples.edit(RuleExamples.postmortemPath, "- 2026-03-01 10:10 Incident declared", "- 2026-03-01T10:10:00Z Incident declared"),
        mentions: ["Later: incident declared"])

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Diagnostic] {
        guard document.kind == .postmortem else { return [] }
        return document.body.timeline.filter { $0.timestamp == nil }.map { entry in
            context.diagnostic(Self.description, document, at: entry.location,
                "timeline entry does not start with a time (`YYYY-MM-DD HH:MM` in UTC or RFC 3339): \(Excerpt.of(entry.text))")
        }
    }
}

/// A short, single-line quotation of user text for messages.
enum Excerpt {
    static func of(_ text: String, limit: Int = 40) -> String {
        let flat = text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
        return "`\(flat)`"
    }
}
