/// What a pack shows of one incident: each fact with the commit it comes from.
public struct IncidentEvidence: Sendable {
    /// A timestamp of the incident (`declared`, `detected`, `contained`, `recovered`).
    public struct Fact: Sendable {
        public var name: String
        public var value: String?
        /// The commit that recorded the value as it is now.
        public var commit: String?
    }

    /// One notice to customers: each of the postmortem's `notification` block, or, without
    /// one, the single time `customers_notified_at` records.
    public struct Notice: Sendable {
        /// 1 for the first notice.
        public var number: Int
        /// Where it was read from: `notification` or `customers_notified_at`.
        public var source: String
        /// Nil for a notice listed but not sent yet.
        public var sentAt: String?
        /// What it was due by: the notification deadline for the first notice, the update the
        /// notice before promised (`next_update_by`, as written) for a follow-up.
        public var deadline: String?
        public var hoursAfterDeclared: Double?
        /// Nil when there is nothing to judge it by (no deadline, or not due yet).
        public var onTime: Bool?
        /// The commit that recorded its `sent_at` as it is now.
        public var commit: String?
        /// Who was told, as written: a count or the groups; nil when not recorded.
        public var recipients: String?
        /// The content parts it has (`recipients`, `nature`, `impact`, `mitigation`,
        /// `next_steps`, `next_update_by`); nil without a `notification` block, which alone
        /// records them.
        public var parts: [String]?
        public var nextUpdateBy: String?
    }

    /// A status the postmortem reached, and the commit that moved it there.
    public struct Transition: Sendable {
        public var status: String
        public var time: String
        public var commit: String
        public var author: String
    }

    public struct Approval: Sendable {
        public var approvedBy: String?
        public var commit: String?
        /// When that commit was made.
        public var time: String?
        /// The author of the commit that set `approved_by`, and their handle when the owners
        /// registry knows their email.
        public var committer: String?
        public var committerHandle: String?
        /// The commit's author is one of the postmortem's authors.
        public var committedByAuthor: Bool
        /// The commit's author is the approver.
        public var committedByApprover: Bool
    }

    public struct Finding: Sendable {
        public var id: String
        public var title: String
        public var category: String
        public var owner: String
        public var status: String
        public var bugs: [String]
        public var commit: String?
    }

    public struct Slip: Sendable {
        public var commit: String
        public var from: String
        public var to: String
        public var days: Int
    }

    public struct Item: Sendable {
        public enum Outcome: String, Sendable, CaseIterable { case onTime = "on-time", late, open, overdue, wontFix = "wont-fix", undated }
        public var id: String
        public var finding: String
        public var title: String
        public var owner: String
        public var status: String
        public var due: String?
        /// The `resolved_at` the document states.
        public var resolvedAt: String?
        /// When it was done: the date of the commit that set `status: done`, or `resolved_at`
        /// when the item was first committed already done (`doneCommit` is then nil).
        public var doneAt: String?
        public var doneCommit: String?
        public var outcome: Outcome
        /// Days after the due date it was done, or is overdue by.
        public var daysLate: Int?
        public var slips: [Slip]
    }

    public struct Reopening: Sendable {
        public var commit: String
        public var time: String
        public var author: String
        public var reason: String?
    }

    public struct Change: Sendable {
        public var commit: String
        public var time: String
        public var author: String
        public var document: String
        public var summary: String
    }

    public var id: String
    public var title: String
    public var severity: String
    public var status: String
    public var path: String
    public var authors: [String]
    public var facts: [Fact]
    public var breach: Bool
    public var notificationDeadline: String?
    public var notices: [Notice]
    public var published: Transition?
    public var closed: Transition?
    public var closedBy: String?
    public var approval: Approval
    public var findings: [Finding]
    public var items: [Item]
    public var reopenings: [Reopening]
    public var changesAfterClosing: [Change]
}
