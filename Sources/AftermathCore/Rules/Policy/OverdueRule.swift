/// Open remediation items past their due date.
public struct OverdueRule: RepositoryRule {
    public static let description = RuleDescription(
        id: RuleID.overdue, name: "overdue", severity: .warning,
        summary: "An open remediation item (proposed, open, in-progress) whose `due` date has passed is overdue (`--today DATE` fixes the date).",
        rationale: "Items quietly slipping past their due date are how incidents recur.",
        bad: RuleExamples.edit(RuleExamples.remediationPath, "due: 2026-03-20", "due: 2026-03-05"),
        good: [:])

    public init() {}

    public func check(_ index: RepositoryIndex, in context: RuleContext) -> [Diagnostic] {
        index.documents(of: .remediation).filter(\.isOpen).compactMap { item in
            guard let dueText = item.string("due"), let due = Timestamp.parseDate(dueText), due < context.today else { return nil }
            let days = Int((context.today.secondsSinceEpoch - due.secondsSinceEpoch) / 86_400)
            return context.diagnostic(Self.description, item, at: item.location(of: "due"),
                "\(item.id) is overdue: due \(dueText), \(days) day\(days == 1 ? "" : "s") ago", owner: item.owner)
        }
    }
}
