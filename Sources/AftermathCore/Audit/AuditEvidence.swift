/// The facts of an audit pack: a pure value, built from one commit's documents and their
/// history, that every file of the pack renders.
public struct AuditEvidence: Sendable {
    /// How the incidents were chosen: all declared in the period, or a sample.
    public struct Selection: Sendable, Equatable {
        public var declared: Int
        public var sample: Int?
        public var seed: String?
    }

    public struct Summary: Sendable, Equatable {
        public var incidents: Int
        public var breaches: Int
        public var notificationsOnTime: Int
        public var postmortemsApproved: Int
        public var itemsDone: Int
        public var itemsDoneOnTime: Int
        public var itemsOverdue: Int
        public var exceptions: Int
    }

    public var period: AuditPeriod
    public var commit: CitedCommit
    /// The date open items are judged overdue on: the evidence commit's date, so the pack
    /// depends on the commit alone.
    public var asOf: String
    public var frameworks: [AuditFramework]
    public var notificationHours: Int
    public var selection: Selection
    /// Documents with uncommitted changes when the pack was made (`--allow-dirty`).
    public var uncommitted: [String]
    public var incidents: [IncidentEvidence]
    public var exceptions: [AuditException]
    /// Every commit cited, oldest first.
    public var commits: [CitedCommit]

    public var summary: Summary {
        let items = incidents.flatMap(\.items)
        return Summary(
            incidents: incidents.count,
            breaches: incidents.filter(\.breach).count,
            notificationsOnTime: incidents.filter { $0.breach && $0.notices.first?.onTime == true }.count,
            postmortemsApproved: incidents.filter { $0.approval.approvedBy != nil }.count,
            itemsDone: items.filter { $0.outcome == .onTime || $0.outcome == .late }.count,
            itemsDoneOnTime: items.filter { $0.outcome == .onTime }.count,
            itemsOverdue: items.filter { $0.outcome == .overdue }.count,
            exceptions: exceptions.count)
    }

    /// The controls of the chosen frameworks.
    public var controls: [AuditControl] { frameworks.flatMap(ControlCatalog.controls) }
}
