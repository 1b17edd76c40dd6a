import AftermathCore

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
