/// Something an auditor will ask about: a late or missing notification, a missing or self
/// approval, an item overdue or done late, a closing with accepted risks, a change after
/// closing, a document that does not validate.
public struct AuditException: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case lateNotification = "late-notification"
        case missingNotification = "missing-notification"
        case incompleteNotice = "incomplete-notice"
        case lateFollowUp = "late-follow-up"
        case missingApproval = "missing-approval"
        case selfApproval = "self-approval"
        case overdueItem = "overdue-item"
        case lateItem = "late-item"
        case acceptedRisk = "closed-with-accepted-risk"
        case changedAfterClosing = "changed-after-closing"
        case validationError = "validation-error"
        case uncommittedChanges = "uncommitted-changes"

        /// The evidence the exception qualifies.
        public var evidence: EvidenceKind {
            switch self {
            case .lateNotification, .missingNotification, .incompleteNotice, .lateFollowUp: return .notification
            case .missingApproval, .selfApproval: return .approval
            case .overdueItem, .lateItem: return .remediation
            case .acceptedRisk: return .closure
            case .changedAfterClosing, .validationError, .uncommittedChanges: return .integrity
            }
        }
    }

    public var kind: Kind
    /// The incident it concerns (nil: the repository as a whole).
    public var incident: String?
    /// The document it concerns, when that is not the postmortem itself.
    public var document: String?
    public var commit: String?
    public var message: String

    public init(_ kind: Kind, incident: String?, document: String? = nil, commit: String? = nil, message: String) {
        self.kind = kind
        self.incident = incident
        self.document = document
        self.commit = commit
        self.message = message
    }
}
