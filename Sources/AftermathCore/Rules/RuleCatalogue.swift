/// Every rule Aftermath applies, in ID order. Adding a rule means adding it here.
public enum RuleCatalogue {
    public static let documentRules: [any DocumentRule] = [
        KindMatchesIDRule(), FileNameMatchesIDRule(), IncidentOrderRule(), TimelineEntryRule(),
        TimelineOrderRule(), RequiredSectionsRule(), NotificationRecordRule(), NotificationContentRule(), FollowUpLateRule(),
        OpenBugOfDoneItemRule(), ClosedBugOfOpenItemRule(), OpenBugOfResolvedFindingRule(), MissingTrackerIssueRule(),
        StaleTrackerStateRule(),
    ]

    public static let repositoryRules: [any RepositoryRule] = [
        DuplicateIDRule(), BrokenLinkRule(), MisfiledDocumentRule(), PostmortemWithoutFindingsRule(),
        FindingWithoutRemediationRule(), UnknownOwnerRule(), SelfApprovalRule(), BugTrackerRule(),
        ClosedWithOpenFindingRule(), ClosedWithOpenRemediationRule(), ResolvedWithOpenItemsRule(),
        DueDatePolicyRule(), NotificationDeadlineRule(),
    ]

    /// The rules that depend on the date (see `DatedRule`).
    public static let datedRules: [any DatedRule] = [
        OverdueRule(), FollowUpOverdueRule(),
    ]

    public static var descriptions: [RuleDescription] {
        (ReadingRules.all
            + documentRules.map { type(of: $0).description }
            + repositoryRules.map { type(of: $0).description }
            + datedRules.map { type(of: $0).description }
            + TransitionCheck.rules.map { type(of: $0).description }).sorted { $0.id < $1.id }
    }

    /// The catalogue's rules, as a validation applies them.
    public static var rules: RuleList { RuleList(document: documentRules, repository: repositoryRules, dated: datedRules) }

    /// A rule by ID (`AM101`) or name (`schema`), case-insensitively.
    public static func find(_ key: String) -> RuleDescription? {
        descriptions.first { $0.id.lowercased() == key.lowercased() || $0.name == key.lowercased() }
    }
}
