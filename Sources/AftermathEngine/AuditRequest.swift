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

/// A pack made: its facts, its files, and what its manifest records besides.
public struct AuditOutcome: Sendable {
    public var evidence: AuditEvidence
    public var pack: AuditPack
    public var commit: String
    public var branch: String?
    public var uncommitted: [String]
    /// The document roots (relative to the Aftermath root): no place for a pack, whose Markdown
    /// files would be read as documents.
    public var roots: [String]
    /// Each cited commit's signature and whether it verifies here.
    public var signatures: [AuditManifest.Signature]
}

/// What `audit verify` found.
public struct AuditVerification: Sendable {
    public var manifest: AuditManifest
    /// Files whose bytes differ from the pack made again.
    public var differing: [String]
    /// Files the pack has and the folder lacks.
    public var missing: [String]
    /// Files in the folder that are not the pack's.
    public var added: [String]
    /// Files whose SHA-256 in the manifest is not that of the file.
    public var manifestMismatches: [String]
    /// Whether the repository has the commit at all.
    public var commitPresent: Bool
    /// Whether the commit is reachable from the branch it was made on (HEAD when none was recorded).
    public var reachable: Bool
    public var branch: String?

    public var matches: Bool {
        differing.isEmpty && missing.isEmpty && added.isEmpty && manifestMismatches.isEmpty && commitPresent && reachable
    }
}
