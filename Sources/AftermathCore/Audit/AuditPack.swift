/// The files of an evidence pack, made from the evidence alone: the same evidence gives the
/// same bytes. `manifest.json` is not among them (it holds their hashes and the time the
/// pack was made).
public struct AuditPack: Sendable {
    public static let manifestName = "manifest.json"

    /// Name → content, sorted by name.
    public var files: [(name: String, bytes: [UInt8])]

    public init(_ e: AuditEvidence) {
        files = [
            ("controls.csv", AuditControlMap.csv(e)),
            ("controls.md", AuditControlMap.markdown(e)),
            ("evidence.json", AuditJSON.render(e)),
            ("evidence.md", AuditReport.markdown(e)),
            ("index.html", AuditReport.html(e)),
        ].map { ($0.0, Array($0.1.utf8)) }
    }
}
