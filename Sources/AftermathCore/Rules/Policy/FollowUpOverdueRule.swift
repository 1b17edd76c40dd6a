/// A promised update to the customers of a breach that has not been sent by its date.
public struct FollowUpOverdueRule: DatedRule {
    public static let description = RuleDescription(
        id: RuleID.followUpOverdue, name: "follow-up-overdue", severity: .warning,
        summary: "When the last notice sent promised an update (`next_update_by`) and that date has passed with no later notice sent, the update is overdue (`--today DATE` fixes the date; closed postmortems are not checked).",
        rationale: "A promise to customers that quietly lapses is found by them first; the tool should say so on the day after.",
        bad: RuleExamples.breach(notices: RuleExamples.firstNotice + """

                  next_steps: We are checking whether the exports were downloaded.
                  ↓next_update_by: 2026-03-05
            """),
        good: RuleExamples.breach(notices: RuleExamples.firstNotice + """

                  next_steps: We are checking whether the exports were downloaded.
                  next_update_by: 2026-03-05
                - sent_at: 2026-03-05T16:00:00Z
                  nature: No export was downloaded by the other tenant.
            """),
        mentions: ["PM-2026-001", "notice 1", "2026-03-05", "5 days ago"])

    public init() {}

    /// The promise of the postmortem's last notice sent, when no notice has followed it and the
    /// postmortem is not closed: the promised day (midnight UTC), at the `next_update_by` field.
    public func inputs(of postmortem: Document, in ruleset: Ruleset) -> [DatedInput] {
        guard postmortem.kind == .postmortem, postmortem.status != "closed", let notification = BreachNotification(postmortem),
              let last = notification.sent.last, let promise = last.nextUpdateBy,
              notification.notice(after: last)?.isSent != true else { return [] }
        return [DatedInput(date: promise.day, dateText: promise.text, subject: "notice \(last.number) of \(postmortem.id)",
                           owner: nil, location: last.location(of: .nextUpdateBy))]
    }

    public func message(for input: DatedInput, today: Timestamp) -> String? {
        guard input.date < today else { return nil }
        let days = Int((today.secondsSinceEpoch - input.date.secondsSinceEpoch) / 86_400)
        return "\(input.subject) promised customers an update by \(input.dateText), \(days) day\(days == 1 ? "" : "s") ago, and none has been sent"
    }
}
