/// A breach's notices must agree with `customers_notified_at` and be listed in the order sent.
public struct NotificationRecordRule: DocumentRule {
    public static let description = RuleDescription(
        id: RuleID.notificationRecord, name: "notification-record",
        summary: "The first notice's `sent_at` is `customers_notified_at`; notices are listed in the order they were sent, unsent ones last.",
        rationale: "Both fields say when customers were first told, and the deadline check and the audit read them: two different times make the record unusable as evidence.",
        bad: RuleExamples.breach(notices: RuleExamples.firstNotice.replacing("- sent_at: 2026-03-02T09:00:00Z", with: "- ↓sent_at: 2026-03-02T11:00:00Z")),
        good: RuleExamples.breach(notices: RuleExamples.firstNotice),
        mentions: ["2026-03-02T11:00:00Z", "customers_notified_at"])

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Diagnostic] {
        guard let notification = BreachNotification(document) else { return [] }
        var diagnostics: [Diagnostic] = []
        func report(_ notice: Notice, _ message: String) {
            diagnostics.append(context.diagnostic(Self.description, document,
                                                  at: notice.isSent ? notice.location(of: .sentAt) : notice.location, message))
        }
        if let first = notification.first {
            let notifiedText = document.string("customers_notified_at")
            switch (first.sentAt, notifiedText) {
            case let (sent?, notified?):
                if let time = Timestamp.parseDateTime(notified), time != sent {
                    report(first, "the first notice was sent at \(first.sentAtText ?? ""), but `customers_notified_at` is \(notified): both record when customers were first told")
                }
            case (_?, nil):
                report(first, "the first notice was sent at \(first.sentAtText ?? ""), but `customers_notified_at` is not set: set it to the same time (`aftermath notify --sent-at` records both)")
            case (nil, let notified?):
                report(first, "`customers_notified_at` is \(notified), but the first notice has no `sent_at`: set it to the same time")
            case (nil, nil):
                break
            }
        }
        var previous: Notice?
        for notice in notification.notices {
            defer { previous = notice }
            guard let previous, let sent = notice.sentAt else { continue }
            if let earlier = previous.sentAt {
                if sent < earlier {
                    report(notice, "notice \(notice.number) was sent at \(notice.sentAtText ?? ""), before notice \(previous.number) (\(previous.sentAtText ?? "")): list the notices in the order they were sent")
                }
            } else {
                report(notice, "notice \(notice.number) was sent, but notice \(previous.number) before it has no `sent_at`: list the notices in the order they were sent, unsent ones last")
            }
        }
        return diagnostics
    }
}
