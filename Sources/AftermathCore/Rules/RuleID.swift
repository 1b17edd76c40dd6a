/// Stable rule identifiers. They appear in every message and in `aftermath explain`;
/// never renumber one, only add.
public enum RuleID {
    // Reading a file (AM0xx)
    public static let invalidEncoding = "AM001"
    public static let missingFrontMatter = "AM002"
    public static let unterminatedFrontMatter = "AM003"
    public static let yamlSyntax = "AM004"
    public static let forbiddenYAML = "AM005"
    public static let duplicateKey = "AM006"
    public static let limitExceeded = "AM007"
    public static let conflictMarkers = "AM008"
    public static let frontMatterNotMapping = "AM009"
    // One document (AM1xx)
    public static let schema = "AM101"
    public static let kindMismatch = "AM102"
    public static let fileNameMismatch = "AM103"
    public static let incidentOrder = "AM104"
    public static let timelineEntry = "AM105"
    public static let timelineOrder = "AM106"
    public static let missingSection = "AM107"
    public static let notificationRecord = "AM108"
    // Links between documents (AM2xx)
    public static let duplicateID = "AM201"
    public static let brokenLink = "AM202"
    public static let misfiled = "AM203"
    public static let postmortemWithoutFindings = "AM204"
    public static let findingWithoutRemediation = "AM205"
    public static let unknownOwner = "AM206"
    public static let selfApproval = "AM207"
    public static let unknownTracker = "AM208"
    // Closure (AM3xx)
    public static let closureOpenFinding = "AM301"
    public static let closureOpenRemediation = "AM302"
    public static let resolvedWithOpenItems = "AM305"
    // Policies (AM4xx)
    public static let overdue = "AM401"
    public static let dueBeyondPolicy = "AM402"
    public static let notificationDeadline = "AM403"
    public static let notificationContent = "AM404"
    public static let followUpLate = "AM405"
    public static let followUpOverdue = "AM406"
    // Changes between commits (AM5xx)
    public static let closedPostmortemChanged = "AM501"
    public static let idChanged = "AM502"
    public static let linkedDocumentDeleted = "AM503"
    public static let statusTransition = "AM504"
    // Tracker drift, judged from the kept tracker states (AM6xx)
    public static let openBugOfDoneItem = "AM601"
    public static let closedBugOfOpenItem = "AM602"
    public static let openBugOfResolvedFinding = "AM603"
    public static let missingTrackerIssue = "AM604"
    public static let staleTrackerState = "AM605"
}
