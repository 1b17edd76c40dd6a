/// A document as one commit left it (nil: the commit deleted it): what the audit reads of
/// history, handed in by the engine.
public struct DocumentVersion: Sendable {
    public var commit: CommitMeta
    /// The commit's place in the walk (oldest first), to tell which change came first across
    /// documents.
    public var order: Int
    public var document: Document?

    public init(commit: CommitMeta, order: Int, document: Document?) {
        self.commit = commit
        self.order = order
        self.document = document
    }
}

/// The versions of the documents an audit covers, by ID, oldest first (only the commits
/// that changed each), and how each commit cited is signed.
public struct AuditHistory: Sendable {
    public var versions: [String: [DocumentVersion]]
    /// Commit ID → `gpg`, `ssh` or `x509`; unsigned commits are absent.
    public var signatures: [String: String]

    public init(versions: [String: [DocumentVersion]] = [:], signatures: [String: String] = [:]) {
        self.versions = versions
        self.signatures = signatures
    }
}
