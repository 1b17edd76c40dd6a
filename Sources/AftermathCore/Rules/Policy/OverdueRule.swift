/// Open remediation items past their due date.
public struct OverdueRule: DatedRule {
    public static let description = RuleDescription(
        id: RuleID.overdue, name: "overdue", severity: .warning,
        summary: "An open remediation item (proposed, open, in-progress) whose `due` date has passed is overdue (`--today DATE` fixes the date).",
        rationale: "Items quietly slipping past their due date are how incidents recur.",
        bad: RuleExamples.edit(RuleExamples.remediationPath, "due: 2026-03-20", "↓due: 2026-03-05"),
        good: RuleExamples.edit(RuleExamples.remediationPath, [("due: 2026-03-20", "due: 2026-03-05"),
                                                               ("status: open", "status: done\nresolved_at: 2026-03-04\nresolution: Enabled automatic failover.")]),
        mentions: ["R-2026-001-01", "5 days ago"])

    public init() {}

    /// An open remediation item's due date, if it has one.
    public func inputs(of item: Document, in ruleset: Ruleset) -> [DatedInput] {
        guard item.kind == .remediation, item.isOpen, let dueText = item.string("due"), let due = Timestamp.parseDate(dueText) else { return [] }
        return [DatedInput(date: due, dateText: dueText, subject: item.id, owner: item.owner, location: item.location(of: "due"))]
    }

    public func message(for input: DatedInput, today: Timestamp) -> String? {
        guard input.date < today else { return nil }
        let days = Int((today.secondsSinceEpoch - input.date.secondsSinceEpoch) / 86_400)
        return "\(input.subject) is overdue: due \(input.dateText), \(days) day\(days == 1 ? "" : "s") ago"
    }
}
