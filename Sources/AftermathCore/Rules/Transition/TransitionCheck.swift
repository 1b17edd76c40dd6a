/// Runs every transition rule on a pair of states.
public enum TransitionCheck {
    public static let rules: [any TransitionRule] = [
        ClosedPostmortemChangedRule(), IDChangedRule(), LinkedDocumentDeletedRule(), StatusTransitionRule(),
    ]

    public static func check(before: RepositoryIndex, after: RepositoryIndex, in context: RuleContext) -> [Diagnostic] {
        rules.flatMap { $0.check(before: before, after: after, in: context) }.sortedForReport()
    }
}
