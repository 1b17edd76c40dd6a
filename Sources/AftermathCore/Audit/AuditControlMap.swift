/// Each control of the chosen frameworks with the evidence rows that support it and the
/// exceptions that qualify them: `controls.md`, `controls.csv` and the JSON's `controls`.
public struct AuditControlMap: Sendable {
    public struct Entry: Sendable {
        public var control: AuditControl
        public var rows: [EvidenceRow]
        /// Positions in the evidence's `exceptions`.
        public var exceptions: [Int]
    }

    public var controls: [Entry]
    /// The kinds of exception qualifying each incident's evidence of each kind, sorted.
    private var rowExceptions: [String: [String]] = [:]

    public init(_ e: AuditEvidence) {
        let rows = e.incidents.flatMap(EvidenceRow.rows)
        controls = e.controls.map { control in
            let kinds = Set(control.evidence)
            return Entry(control: control, rows: rows.filter { kinds.contains($0.kind) },
                         exceptions: e.exceptions.indices.filter { kinds.contains(e.exceptions[$0].kind.evidence) })
        }
        var kinds: [String: Set<String>] = [:]
        for x in e.exceptions { kinds[Self.key(x.incident, x.kind.evidence), default: []].insert(x.kind.rawValue) }
        rowExceptions = kinds.mapValues { $0.sorted() }
    }

    private static func key(_ incident: String?, _ kind: EvidenceKind) -> String { (incident ?? "") + "\u{0}" + kind.rawValue }

    /// The kinds of exception that qualify `row`.
    public func exceptionKinds(of row: EvidenceRow) -> [String] { rowExceptions[Self.key(row.incident, row.kind)] ?? [] }

    public static func csv(_ e: AuditEvidence) -> String {
        let header = ["framework", "control", "title", "incident", "evidence", "detail", "commit", "exceptions"]
        var lines = [header.joined(separator: ",")]
        let map = AuditControlMap(e)
        for entry in map.controls {
            let c = entry.control
            for row in entry.rows {
                lines.append([c.framework.rawValue, c.id, c.title, row.incident, row.kind.rawValue, row.detail, row.commit ?? "",
                              map.exceptionKinds(of: row).joined(separator: " ")].map(ListRenderer.csvField).joined(separator: ","))
            }
            for x in entry.exceptions.map({ e.exceptions[$0] }) where x.incident == nil {
                lines.append([c.framework.rawValue, c.id, c.title, "", x.kind.evidence.rawValue, x.message, x.commit ?? "", x.kind.rawValue]
                    .map(ListRenderer.csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    public static func markdown(_ e: AuditEvidence) -> String {
        var report = ReportDocument(title: "Controls — \(e.period.from) to \(e.period.to)")
        report.add(.paragraph("Each control of the chosen frameworks with the evidence rows of evidence.md that support it and the exceptions an auditor will ask about. Commit \(e.commit.id)."))
        let map = AuditControlMap(e)
        for framework in e.frameworks {
            report.add(.heading(1, framework.title))
            for entry in map.controls where entry.control.framework == framework {
                let c = entry.control
                report.add(.heading(2, "\(c.id) \(c.title)"))
                if !c.formerly.isEmpty { report.add(.paragraph("ISO/IEC 27001:2013: " + c.formerly.joined(separator: "; ") + ".")) }
                report.add(.paragraph("Evidence: " + c.evidence.map(\.rawValue).joined(separator: ", ") + "."))
                report.add(.table(caption: nil, headers: ["Incident", "Evidence", "Detail", "Commit", "Exceptions"], rows: entry.rows.map { row in
                    let exceptions = map.exceptionKinds(of: row)
                    return [.init(row.incident), .init(row.kind.rawValue), .init(row.detail), .init(AuditText.short(row.commit)),
                            .init(exceptions.isEmpty ? "—" : exceptions.joined(separator: ", "), emphasis: !exceptions.isEmpty)]
                }))
                report.add(.table(caption: "Exceptions", headers: ["Exception", "Incident", "Detail"], rows: entry.exceptions.map { e.exceptions[$0] }.map { x in
                    [.init(x.kind.rawValue, emphasis: true), .init(x.incident ?? "—"), .init(x.message)]
                }))
            }
        }
        return ReportMarkdown.render(report)
    }
}
