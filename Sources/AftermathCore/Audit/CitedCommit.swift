/// A commit the evidence cites, with its author and whether it carries a signature.
public struct CitedCommit: Sendable, Equatable {
    public var id: String
    public var author: String
    public var email: String
    /// Author time, RFC 3339 in UTC.
    public var time: String
    public var summary: String
    /// `gpg`, `ssh` or `x509`; nil when unsigned.
    public var signature: String?

    public init(_ meta: CommitMeta, signature: String?) {
        id = meta.id
        author = meta.authorName
        email = meta.authorEmail
        time = Timestamp(secondsSinceEpoch: Double(meta.time)).rfc3339
        summary = meta.summary
        self.signature = signature
    }

    public var short: String { String(id.prefix(12)) }
}
