/// What a tracker said of one referenced issue when it was last asked (`aftermath bugs --refresh`).
public struct TrackerState: Sendable, Equatable {
    /// The reference as documents write it (`JIRA:OPS-12`).
    public var reference: String
    /// The configured tracker's name.
    public var tracker: String
    /// When the tracker answered.
    public var fetchedAt: Timestamp
    /// False when the tracker says there is no such issue (deleted, moved, mistyped).
    public var exists: Bool
    public var isOpen: Bool
    /// The tracker's own status name (`In Progress`, `open`, `closed`).
    public var status: String
    public var resolution: String?
    public var assignee: String?
    /// The last update and closing time, as the tracker gave them (RFC 3339).
    public var updated: String?
    public var closedAt: String?
    /// The tracker's validator of this answer (an HTTP `ETag`), sent back as `If-None-Match` by
    /// conditional requests: an unchanged issue then answers `304` and this state is kept.
    public var etag: String?
    /// Set when the ruleset is given the states (`Ruleset.keeping`): older than the configured age.
    public var isStale = false

    public init(reference: String, tracker: String, fetchedAt: Timestamp, exists: Bool, isOpen: Bool, status: String,
                resolution: String? = nil, assignee: String? = nil, updated: String? = nil, closedAt: String? = nil, etag: String? = nil) {
        self.reference = reference
        self.tracker = tracker
        self.fetchedAt = fetchedAt
        self.exists = exists
        self.isOpen = isOpen
        self.status = status
        self.resolution = resolution
        self.assignee = assignee
        self.updated = updated
        self.closedAt = closedAt
        self.etag = etag
    }

    /// An issue the tracker does not have.
    public static func missing(_ reference: String, tracker: String, fetchedAt: Timestamp) -> TrackerState {
        TrackerState(reference: reference, tracker: tracker, fetchedAt: fetchedAt, exists: false, isOpen: false, status: "not found")
    }

    /// `open`, `closed` or `not found`, with the tracker's status name when it says more.
    public var summary: String {
        guard exists else { return "not found" }
        let word = isOpen ? "open" : "closed"
        var text = status.lowercased() == word ? word : "\(word): \(status)"
        if let resolution, !isOpen { text += ", \(resolution)" }
        return text
    }

    /// The day the issue was closed (its closing time, else its last update), for `resolved_at`.
    public var closedDay: String? {
        [closedAt, updated].compactMap { $0 }.lazy.compactMap { text in
            Timestamp.parseDateTime(text) ?? Timestamp.parseDate(text.prefix(10))
        }.first?.dateString
    }
}
