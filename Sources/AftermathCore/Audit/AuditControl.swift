/// One control of a framework, and the kinds of evidence that support it.
public struct AuditControl: Sendable {
    public var framework: AuditFramework
    /// `A.5.24`, `CC7.3`, `IR-4`.
    public var id: String
    public var title: String
    /// The same control in an earlier edition (ISO/IEC 27001:2013's A.16.1.x).
    public var formerly: [String]
    public var evidence: [EvidenceKind]
}
