/// One document as reviewers see it in listings, digests and reports.
public struct ItemRow: Sendable {
    public var document: any DocumentFields
    public var postmortem: (any DocumentFields)?
    public var finding: (any DocumentFields)?
    private let trackers: TrackerSet
    /// Days past the due date for an open remediation item, nil when not overdue.
    public var overdueDays: Int?
    /// The day rows are drawn for: overdue and age are counted to it.
    private let today: Timestamp

    /// Days since the incident was declared (the item's age while no git history is consulted).
    /// Worked out when asked: the default table never shows it, and tens of thousands of rows
    /// would each parse their postmortem's timestamp.
    public var ageDays: Int? {
        guard let declared = postmortem?.field("incident")?["declared_at"]?.stringValue.flatMap(Timestamp.parseDateTime) else { return nil }
        return max(0, Int((today.secondsSinceEpoch - declared.secondsSinceEpoch) / 86_400))
    }

    public var id: String { document.id }
    public var kind: DocumentKind { document.kind }
    public var status: String { document.status ?? "" }
    public var owner: String { document.owner ?? document.field("authors")?.stringList.joined(separator: ",") ?? "" }
    public var due: String? { document.string("due") }
    public var title: String { document.title ?? "" }
    public var severity: String? { postmortem?.string("severity") }
    public var category: String? { document.kind == .finding ? document.string("category") : finding?.string("category") }
    public var postmortemID: String? { postmortem?.id }
    public var isOverdue: Bool { overdueDays != nil }
    /// Resolved on demand: matching references to trackers is the costly part of a row.
    public var bugs: [BugLink] { BugLink.links(of: document, trackers: trackers) }

    public init<D: DocumentFields>(_ document: D, in index: DocumentIndex<D>, trackers: TrackerSet, today: Timestamp) {
        self.document = document
        postmortem = index.postmortem(of: document)
        finding = document.kind == .remediation ? document.parentID.flatMap { index[$0] } : nil
        self.trackers = trackers
        self.today = today
        if document.kind == .remediation, document.isOpen, let due = document.string("due").flatMap(Timestamp.parseDate), due < today {
            overdueDays = Int((today.secondsSinceEpoch - due.secondsSinceEpoch) / 86_400)
        }
    }

    /// The stable JSON form used by `list`, `show` and `digest` (documented in docs/commands.md).
    public var json: JSONText {
        .object([
            ("id", .string(id)),
            ("kind", .string(kind.rawValue)),
            ("title", .string(title)),
            ("status", .string(status)),
            ("open", .bool(document.isOpen)),
            ("owner", .string(owner)),
            ("due", .optional(due)),
            ("overdue", .bool(isOverdue)),
            ("overdue_days", overdueDays.map { .int($0) } ?? .null),
            ("age_days", ageDays.map { .int($0) } ?? .null),
            ("severity", .optional(severity)),
            ("category", .optional(category)),
            ("postmortem", .optional(postmortemID)),
            ("finding", .optional(finding?.id)),
            ("bugs", .array(bugs.map(\.json))),
            ("path", .string(document.path.text)),
        ])
    }
}
