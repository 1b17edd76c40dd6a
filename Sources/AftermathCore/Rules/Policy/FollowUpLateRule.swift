/// A notice that promised the next update by a date was followed by one sent later.
public struct FollowUpLateRule: DocumentRule {
    public static let description = RuleDescription(
        id: RuleID.followUpLate, name: "follow-up-late", severity: .warning,
        summary: "A notice's `next_update_by` promises the next notice by then: the next one sent after it is late.",
        rationale: "Customers of a breach plan around the promised update; a late one is a broken commitment that an audit asks about.",
        bad: RuleExamples.breach(notices: RuleExamples.firstNotice + """

                  next_steps: We are checking whether the exports were downloaded.
                  ↓next_update_by: 2026-03-04
                - sent_at: 2026-03-06T16:00:00Z
                  nature: No export was downloaded by the other tenant.
            """),
        good: RuleExamples.breach(notices: RuleExamples.firstNotice + """

                  next_steps: We are checking whether the exports were downloaded.
                  next_update_by: 2026-03-04
                - sent_at: 2026-03-04T16:00:00Z
                  nature: No export was downloaded by the other tenant.
            """),
        mentions: ["notice 2", "2026-03-04", "2026-03-06T16:00:00Z"])

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Diagnostic] {
        guard let notification = BreachNotification(document) else { return [] }
        return notification.notices.compactMap { notice in
            guard notice.isSent, let promise = notice.nextUpdateBy, let next = notification.notice(after: notice),
                  let sent = next.sentAt, !promise.isKept(by: sent) else { return nil }
            return context.diagnostic(Self.description, document, at: notice.location(of: .nextUpdateBy),
                "notice \(next.number) was sent at \(next.sentAtText ?? ""), after the update notice \(notice.number) promised by \(promise.text)")
        }
    }
}
