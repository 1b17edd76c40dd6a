/// Open remediation items past their due date.
public struct OverdueRule: DocumentwiseRule {
    public static let description = RuleDescription(
        id: RuleID.overdue, name: "overdue", severity: .warning,
        summary: "An open remediation item (proposed, open, in-progress) whose `due` date has passed is overdue (`--today DATE` fixes the date).",
        rationale: "Items quietly slipping past their due date are how incidents recur.",
        bad: RuleExamples.edit(RuleExamples.remediationPath, "due: 2026-03-20", "↓due: 2026-03-05"),
        good: RuleExamples.edit(RuleExamples.remediationPath, [("due: 2026-03-20", "due: 2026-03-05"),
                                                               ("status: open", "status: done\nresolved_at: 2026-03-04\nresolution: Enabled automatic failover.")]),
        mentions: ["R-2026-001-01", "5 days ago"])

    public init() {}

    public func check(_ item: Document, in index: RepositoryIndex, context: RuleContext, into diagnostics: inout [Diagnostic]) {
        guard let input = Self.Input(item), let diagnostic = Self.diagnostic(input, path: item.path, today: context.today, context: context) else { return }
        diagnostics.append(diagnostic)
    }

    /// What the rule reads of an item: it depends on the item alone and the date, so a summary
    /// keeps these and judges them again on another day without reading the item.
    public struct Input: Sendable {
        public var id: String
        public var dueText: String
        public var due: Timestamp
        public var owner: String?
        public var location: SourceLocation

        /// Nil unless the item is an open remediation item with a due date.
        public init?(_ item: Document) {
            guard item.kind == .remediation, item.isOpen, let dueText = item.string("due"), let due = Timestamp.parseDate(dueText) else { return nil }
            self.init(id: item.id, dueText: dueText, due: due, owner: item.owner, location: item.location(of: "due"))
        }

        public init(id: String, dueText: String, due: Timestamp, owner: String?, location: SourceLocation) {
            self.id = id
            self.dueText = dueText
            self.due = due
            self.owner = owner
            self.location = location
        }
    }

    public static func diagnostic(_ input: Input, path: RepositoryPath, today: Timestamp, context: RuleContext) -> Diagnostic? {
        guard input.due < today else { return nil }
        let days = Int((today.secondsSinceEpoch - input.due.secondsSinceEpoch) / 86_400)
        return Diagnostic(path: path, location: input.location,
                          severity: context.ruleset.severity(of: description.id, name: description.name, default: description.severity),
                          ruleID: description.id, message: "\(input.id) is overdue: due \(input.dueText), \(days) day\(days == 1 ? "" : "s") ago",
                          owner: input.owner)
    }
}
