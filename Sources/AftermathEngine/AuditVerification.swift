import AftermathCore

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
