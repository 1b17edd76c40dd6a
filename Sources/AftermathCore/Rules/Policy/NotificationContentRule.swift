/// Once a breach's postmortem is published, its notices say what customers need to know.
public struct NotificationContentRule: DocumentRule {
    public static let description = RuleDescription(
        id: RuleID.notificationContent, name: "notification-content", severity: .warning,
        summary: "Once a breach is `published` or `closed`, its first notice says who was told (`recipients`), the `nature` of the breach, its approximate `impact` and the `mitigation`; a notice sent while the investigation is open (before `recovered_at`) says the `next_steps` and `next_update_by`, and each of those two comes with the other.",
        rationale: "Incident-management practice and breach laws ask what a notice contains, not only when it was sent: customers must be able to act on it and know when they will hear more.",
        bad: RuleExamples.breach(notices: """
                - ↓sent_at: 2026-03-02T09:00:00Z
                  recipients: 120
                  nature: Order exports were readable by another tenant for two hours.
            """),
        good: RuleExamples.breach(notices: RuleExamples.firstNotice),
        mentions: ["notice 1", "impact", "mitigation"])

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Diagnostic] {
        guard document.field("data_breach")?.boolValue == true, let status = document.status,
              status == "published" || status == "closed", let notification = BreachNotification(document) else { return [] }
        var diagnostics: [Diagnostic] = []
        func report(_ location: SourceLocation, _ message: String) {
            diagnostics.append(context.diagnostic(Self.description, document, at: location, message))
        }
        if let first = notification.first {
            let missing = first.missing(Notice.Part.content)
            if !missing.isEmpty {
                report(first.location, "notice 1 does not say \(Self.list(missing)): the first notice of a breach says who was told, the nature of the breach, its approximate impact and the mitigation")
            }
        }
        let recovered = document.field("incident")?["recovered_at"]?.stringValue
        for notice in notification.notices {
            switch (notice.has(.nextSteps), notice.has(.nextUpdateBy)) {
            case (true, false):
                report(notice.location(of: .nextSteps), "notice \(notice.number) gives `next_steps` but not when the next update comes: add `next_update_by`")
            case (false, true):
                report(notice.location(of: .nextUpdateBy), "notice \(notice.number) promises an update by \(notice.nextUpdateByText ?? "") but not what happens until then: add `next_steps`")
            case (false, false):
                if let recovered, let recoveredAt = Timestamp.parseDateTime(recovered), let sent = notice.sentAt, sent < recoveredAt {
                    report(notice.location, "notice \(notice.number) was sent before the incident was recovered (\(recovered)) and says neither `next_steps` nor `next_update_by`: while the investigation is open, a notice says what happens next and when the next update comes")
                }
            case (true, true):
                break
            }
        }
        return diagnostics
    }

    /// Part names as `a`, `a` and `b`, `a`, `b` and `c`.
    static func list(_ parts: [Notice.Part]) -> String {
        let names = parts.map { "`\($0.rawValue)`" }
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
    }
}
