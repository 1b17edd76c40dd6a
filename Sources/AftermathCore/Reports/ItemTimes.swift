/// What git history says about one document: when it appeared, when it was first resolved,
/// and each time its due date moved later. Computed at the edge (one pass over the commits)
/// and handed to the reports; empty when there is no history.
public struct ItemTimes: Sendable {
    public var opened: Int64?
    public var closed: Int64?
    /// Whether some commit showed it open: an item first committed already closed has no
    /// time to close.
    public var seenOpen = false
    /// (seconds since the epoch of the commit, days the due date moved later)
    public var duePushbacks: [(time: Int64, days: Int)] = []

    public init(opened: Int64? = nil, closed: Int64? = nil, seenOpen: Bool = false, duePushbacks: [(time: Int64, days: Int)] = []) {
        self.opened = opened
        self.closed = closed
        self.seenOpen = seenOpen
        self.duePushbacks = duePushbacks
    }

    /// From the commit that added it to the one that closed it; nil unless it was seen open.
    public var daysToClose: Double? {
        guard seenOpen, let opened, let closed else { return nil }
        return Double(closed - opened) / 86_400
    }
}

/// Builds `ItemTimes` from the states of documents after each commit, oldest first.
public struct ItemTimesBuilder: Sendable {
    public private(set) var times: [String: ItemTimes] = [:]
    /// Month (`YYYY-MM`) → (open, closed) remediation items at the end of that month.
    public private(set) var monthly: [(month: String, open: Int, closed: Int)] = []
    private var lastDue: [String: String] = [:]

    public init() {}

    /// What the timeline reads of one version of a document: kept per version instead of the
    /// document, so a history of many versions stays small.
    public struct Item: Sendable {
        public var id: String
        public var kind: DocumentKind
        public var isOpen: Bool
        public var due: String?

        public init(_ document: some DocumentFields) {
            id = document.id
            kind = document.kind
            isOpen = document.isOpen
            due = document.string("due")
        }
    }

    /// The documents as they are after a commit made at `commitTime`.
    public mutating func add(commitTime: Int64, items: [Item]) {
        for item in items {
            var entry = times[item.id] ?? ItemTimes()
            if entry.opened == nil { entry.opened = commitTime }
            if entry.closed == nil, !item.isOpen { entry.closed = commitTime }
            if item.isOpen { entry.closed = nil; entry.seenOpen = true }
            if let due = item.due {
                if let previous = lastDue[item.id], let a = Timestamp.parseDate(previous), let b = Timestamp.parseDate(due), b > a {
                    entry.duePushbacks.append((commitTime, Int((b.secondsSinceEpoch - a.secondsSinceEpoch) / 86_400)))
                }
                lastDue[item.id] = due
            }
            times[item.id] = entry
        }
        let month = String(Timestamp(secondsSinceEpoch: Double(commitTime)).dateString.prefix(7))
        let remediations = items.filter { $0.kind == .remediation }
        let open = remediations.filter(\.isOpen).count
        let point = (month, open, remediations.count - open)
        if monthly.last?.month == month { monthly[monthly.count - 1] = point } else { monthly.append(point) }
    }
}
