/// Customers must be told of a data breach within the configured hours of its declaration: by
/// `customers_notified_at`, else by the first notice's `sent_at` (`BreachNotification.firstNotified`).
public struct NotificationDeadlineRule: DocumentwiseRule {
    public static let description = RuleDescription(
        id: RuleID.notificationDeadline, name: "notification-deadline", severity: .warning,
        summary: "For a data breach, `customers_notified_at` (or the first notice's `sent_at`) should be within `policies.notification_hours` (default 72) of `declared_at`.",
        rationale: "GDPR article 33 and many contracts set 72 hours; the postmortem records whether the team met it.",
        bad: RuleExamples.edit(RuleExamples.postmortemPath, "data_breach: false", "data_breach: true\n↓customers_notified_at: 2026-03-06T09:00:00Z"),
        good: RuleExamples.edit(RuleExamples.postmortemPath, "data_breach: false", "data_breach: true\ncustomers_notified_at: 2026-03-02T09:00:00Z"),
        mentions: ["118 hours", "72-hour"])

    public init() {}

    public func check(_ pm: Document, in index: RepositoryIndex, context: RuleContext, into diagnostics: inout [Diagnostic]) {
        let hours = context.ruleset.configuration.notificationHours
        guard pm.kind == .postmortem, pm.field("data_breach")?.boolValue == true,
              let declared = pm.field("incident")?["declared_at"]?.stringValue.flatMap(Timestamp.parseDateTime),
              let notified = BreachNotification.firstNotified(pm) else { return }
        let elapsed = (notified.time.secondsSinceEpoch - declared.secondsSinceEpoch) / 3600
        guard elapsed > Double(hours) else { return }
        diagnostics.append(context.diagnostic(Self.description, pm, at: notified.location,
            "customers were notified \(Int(elapsed)) hours after the breach was declared, beyond the \(hours)-hour deadline"))
    }
}
