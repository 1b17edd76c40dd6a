/// A promised update to the customers of a breach that has not been sent by its date.
public struct FollowUpOverdueRule: DocumentwiseRule {
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

    public func check(_ document: Document, in index: RepositoryIndex, context: RuleContext, into diagnostics: inout [Diagnostic]) {
        guard let input = Self.Input(document), let diagnostic = Self.diagnostic(input, path: document.path, today: context.today, context: context) else { return }
        diagnostics.append(diagnostic)
    }

    /// What the rule reads of a postmortem: the promise of its last notice sent, when no notice
    /// has followed it. It depends on the document alone and the date, so a summary keeps it
    /// and judges it again on another day without reading the document (as `OverdueRule.Input`).
    public struct Input: Sendable {
        public var id: String
        /// The notice that made the promise.
        public var notice: Int
        public var promisedText: String
        /// The day promised (midnight UTC).
        public var promisedDay: Timestamp
        public var location: SourceLocation

        /// Nil unless the document is a postmortem, not closed, whose last notice sent promises
        /// an update that no later notice has given.
        public init?(_ postmortem: Document) {
            guard postmortem.status != "closed", let notification = BreachNotification(postmortem),
                  let last = notification.sent.last, let promise = last.nextUpdateBy,
                  notification.notice(after: last)?.isSent != true else { return nil }
            self.init(id: postmortem.id, notice: last.number, promisedText: promise.text, promisedDay: promise.day,
                      location: last.location(of: .nextUpdateBy))
        }

        public init(id: String, notice: Int, promisedText: String, promisedDay: Timestamp, location: SourceLocation) {
            self.id = id
            self.notice = notice
            self.promisedText = promisedText
            self.promisedDay = promisedDay
            self.location = location
        }
    }

    public static func diagnostic(_ input: Input, path: RepositoryPath, today: Timestamp, context: RuleContext) -> Diagnostic? {
        guard input.promisedDay < today else { return nil }
        let days = Int((today.secondsSinceEpoch - input.promisedDay.secondsSinceEpoch) / 86_400)
        return Diagnostic(path: path, location: input.location,
                          severity: context.ruleset.severity(of: description.id, name: description.name, default: description.severity),
                          ruleID: description.id,
                          message: "\(input.id): notice \(input.notice) promised customers an update by \(input.promisedText), \(days) day\(days == 1 ? "" : "s") ago, and none has been sent")
    }
}
