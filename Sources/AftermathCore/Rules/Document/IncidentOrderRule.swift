/// The incident's timestamps must follow the order in which an incident unfolds.
public struct IncidentOrderRule: DocumentRule {
    public static let description = RuleDescription(
        id: RuleID.incidentOrder, name: "incident-order",
        summary: "Incident timestamps must be in order: started, detected, declared, contained, eradicated, recovered.",
        rationale: "Time to detect, contain and recover are computed from these; out-of-order values give negative durations in every report.",
        bad: RuleExamples.edit(RuleExamples.postmortemPath, "contained_at: 2026-03-01T11:00:00Z", "↓contained_at: 2026-03-01T09:00:00Z"),
        good: RuleExamples.edit(RuleExamples.postmortemPath, "contained_at: 2026-03-01T11:00:00Z", "contained_at: 2026-03-01T10:30:00Z"),
        mentions: ["incident.contained_at", "incident.declared_at"])

    public static let order = ["started_at", "detected_at", "declared_at", "contained_at", "eradicated_at", "recovered_at"]

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Diagnostic] {
        guard document.kind == .postmortem, let incident = document.field("incident") else { return [] }
        var previous: (String, Timestamp)?
        var diagnostics: [Diagnostic] = []
        for key in Self.order {
            guard let text = incident[key]?.stringValue, let stamp = Timestamp.parseDateTime(text) else { continue }
            if let (earlierKey, earlier) = previous, stamp < earlier {
                diagnostics.append(context.diagnostic(Self.description, document, at: incident.location(of: key),
                    "`incident.\(key)` (\(text)) is before `incident.\(earlierKey)`; incident timestamps must be in order"))
            }
            previous = (key, stamp)
        }
        return diagnostics
    }
}
