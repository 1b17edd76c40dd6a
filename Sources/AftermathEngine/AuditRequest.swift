import AftermathCore

/// What an evidence pack is made of: the period, the frameworks, the commit and the
/// incidents picked.
public struct AuditRequest: Sendable {
    public var period: AuditPeriod
    public var frameworks: [AuditFramework]
    /// Any revision git accepts (`HEAD`, a tag, a commit ID).
    public var rev: String
    public var sample: AuditSample?
    /// Make the pack although documents have uncommitted changes (they are listed in it).
    public var allowDirty: Bool

    public init(period: AuditPeriod, frameworks: [AuditFramework], rev: String = "HEAD", sample: AuditSample? = nil, allowDirty: Bool = false) {
        self.period = period
        self.frameworks = frameworks
        self.rev = rev
        self.sample = sample
        self.allowDirty = allowDirty
    }
}
