/// `evidence.md` and `index.html`: the pack for people, one `ReportDocument` rendered twice.
public enum AuditReport {
    public static func build(_ e: AuditEvidence) -> ReportDocument {
        var report = ReportDocument(title: "Audit evidence — \(e.period.from) to \(e.period.to)")
        report.add(.paragraph("Incidents declared from \(e.period.from) to \(e.period.to) (UTC, both days included), as recorded at commit \(e.commit.id) (\(e.commit.time), \(e.commit.author)). Open items are judged as of \(e.asOf), the commit's date; the notification deadline is \(e.notificationHours) hours after declaration."))
        report.add(.paragraph("Frameworks: " + e.frameworks.map { "\($0.title) — " + ControlCatalog.controls(of: $0).map(\.id).joined(separator: ", ") }.joined(separator: "; ") + "."))
        report.add(.paragraph(selection(e)))
        if !e.uncommitted.isEmpty {
            report.add(.paragraph("Made with --allow-dirty: \(AuditText.plural(e.uncommitted.count, "document")) had uncommitted changes, which this pack does not show: \(e.uncommitted.joined(separator: ", "))."))
        }

        let s = e.summary
        report.add(.heading(1, "Summary"))
        report.add(.table(caption: nil, headers: ["Measure", "Value"], rows: [
            ["Incidents", "\(s.incidents)"],
            ["Data breaches", "\(s.breaches)"],
            ["Breach notifications on time", "\(s.notificationsOnTime) of \(s.breaches)"],
            ["Postmortems approved", "\(s.postmortemsApproved) of \(s.incidents)"],
            ["Remediation items done on time", "\(s.itemsDoneOnTime) of \(s.itemsDone) done"],
            ["Remediation items overdue on \(e.asOf)", "\(s.itemsOverdue)"],
            ["Exceptions", "\(s.exceptions)"],
        ].map { $0.map { ReportDocument.Cell($0) } }))

        report.add(.heading(1, "Exceptions"))
        report.add(.table(caption: nil, headers: ["Exception", "Incident", "Document", "Commit", "Detail"], rows: e.exceptions.map { x in
            [.init(x.kind.rawValue, emphasis: true), .init(x.incident ?? "—"), .init(x.document ?? "—"), .init(AuditText.short(x.commit)), .init(x.message)]
        }))

        report.add(.heading(1, "Controls"))
        report.add(.table(caption: "Evidence rows and exceptions per control; controls.md and controls.csv list them", headers: ["Control", "Title", "Evidence rows", "Exceptions"],
                          rows: AuditControlMap(e).controls.map { c in
            [.init(c.control.id), .init(c.control.title), .init(String(c.rows.count)), .init(String(c.exceptions.count), emphasis: !c.exceptions.isEmpty)]
        }))

        if e.incidents.isEmpty {
            report.add(.heading(1, "Incidents"))
            report.add(.paragraph("No incident was declared in the period."))
        }
        for incident in e.incidents { add(incident, to: &report) }

        report.add(.heading(1, "Commits cited"))
        report.add(.table(caption: "Signatures as recorded in the commits; manifest.json says which verify on the machine that made the pack",
                          headers: ["Commit", "Time", "Author", "Signed", "Summary"], rows: e.commits.map { c in
            [.init(c.short), .init(c.time), .init("\(c.author) <\(c.email)>"), .init(c.signature ?? "no"), .init(c.summary)]
        }))
        report.add(.heading(1, "Checking this pack"))
        report.add(.paragraph("manifest.json lists every other file of the pack with its SHA-256, the commit, the tool's version and the command line. `aftermath audit verify DIR`, run in a clone of the repository, makes the pack again from the commit and reports any file that differs, is missing or was added, and whether the commit is still reachable from the branch it was made on."))
        return report
    }

    static func selection(_ e: AuditEvidence) -> String {
        let declared = AuditText.plural(e.selection.declared, "incident")
        guard let size = e.selection.sample, let seed = e.selection.seed else {
            return "Incidents: all \(declared) declared in the period."
        }
        return "Incidents: a sample of \(min(size, e.selection.declared)) of the \(declared) declared in the period, picked with seed \"\(seed)\": the postmortem IDs \(AuditSample.method) (N = \(size)). The same seed picks the same incidents."
    }

    private static func add(_ i: IncidentEvidence, to report: inout ReportDocument) {
        report.add(.heading(1, "\(i.id) — \(i.title)"))
        report.add(.paragraph("\(i.severity), \(i.status); authors \(i.authors.joined(separator: ", ")); \(i.path)"))
        report.add(.table(caption: "Incident", headers: ["Fact", "Time", "Source commit"], rows: i.facts.map { f in
            [.init(f.name), .init(f.value ?? "—"), .init(AuditText.short(f.commit))]
        }))
        if i.breach {
            let notices: [[ReportDocument.Cell]] = i.notices.map { n in
                [.init(n.number == 1 ? "1 (first)" : "\(n.number)"), .init(n.sentAt ?? "not sent"), .init(n.deadline ?? "—"),
                 .init(n.hoursAfterDeclared.map(AuditText.hours) ?? "—"),
                 .init(n.onTime == true ? "on time" : n.onTime == false ? "late" : "—", emphasis: n.onTime == false),
                 .init(n.recipients ?? "—"), .init(n.parts.map { $0.isEmpty ? "nothing" : $0.joined(separator: ", ") } ?? "not recorded (\(n.source) only)"),
                 .init(AuditText.short(n.commit))]
            }
            let none: [ReportDocument.Cell] = [.init("none", emphasis: true), .init("—"), .init(i.notificationDeadline ?? "—"), .init("—"),
                                               .init("missing", emphasis: true), .init("—"), .init("—"), .init("—")]
            report.add(.table(caption: "Data breach: notices to customers (the first due \(i.notificationDeadline ?? "—"); a follow-up by the update the notice before promised)",
                              headers: ["Notice", "Sent", "Due by", "After declaration", "On time", "Recipients", "Says", "Commit"],
                              rows: notices.isEmpty ? [none] : notices))
        }
        var steps: [[ReportDocument.Cell]] = []
        if let p = i.published { steps.append([.init("published"), .init(p.time), .init(p.author), .init(AuditText.short(p.commit))]) }
        let a = i.approval
        var approvalNote = a.approvedBy.map { "approved_by \($0)" } ?? "no approved_by"
        if let committer = a.committer { approvalNote += "; committed by \(committer)" }
        if a.committedByAuthor { approvalNote += " — a postmortem author" }
        if a.approvedBy != nil, a.committer != nil, !a.committedByApprover { approvalNote += " — not the approver" }
        steps.append([.init("approval"), .init(a.time ?? "—"), .init(approvalNote, emphasis: a.approvedBy == nil || a.committedByAuthor), .init(AuditText.short(a.commit))])
        if let c = i.closed { steps.append([.init("closed"), .init(c.time), .init(c.author + (i.closedBy.map { "; closed_by \($0)" } ?? "")), .init(AuditText.short(c.commit))]) }
        report.add(.table(caption: "Postmortem", headers: ["Step", "Time", "By", "Commit"], rows: steps))
        report.add(.table(caption: "Findings", headers: ["Finding", "Category", "Owner", "Status", "Bugs", "Title"], rows: i.findings.sorted { ($0.category, $0.id) < ($1.category, $1.id) }.map { f in
            [.init(f.id), .init(f.category), .init(f.owner), .init(f.status, emphasis: f.status == "accepted-risk"), .init(f.bugs.joined(separator: ", ")), .init(f.title)]
        }))
        report.add(.table(caption: "Remediation items (done: the date of the commit that set `status: done`; for an item first committed done, its resolved_at)",
                          headers: ["Item", "Owner", "Due", "Done", "resolved_at", "Outcome", "Days late", "Due-date slips"], rows: i.items.map { r in
            [.init(r.id), .init(r.owner), .init(r.due ?? "—"), .init(r.doneAt ?? "—"), .init(r.resolvedAt ?? "—"),
             .init(r.outcome.rawValue, emphasis: r.outcome == .late || r.outcome == .overdue), .init(r.daysLate.map(String.init) ?? "—"),
             .init(r.slips.map { "\($0.from) → \($0.to) (+\($0.days) d, \(AuditText.short($0.commit)))" }.joined(separator: "; "))]
        }))
        if !i.reopenings.isEmpty {
            report.add(.table(caption: "Reopenings", headers: ["Time", "By", "Reason", "Commit"], rows: i.reopenings.map { r in
                [.init(r.time), .init(r.author), .init(r.reason ?? "—"), .init(AuditText.short(r.commit))]
            }))
        }
        if !i.changesAfterClosing.isEmpty {
            report.add(.table(caption: "Changed after closing", headers: ["Time", "By", "Document", "Commit", "Message"], rows: i.changesAfterClosing.map { c in
                [.init(c.time), .init(c.author), .init(c.document), .init(AuditText.short(c.commit), emphasis: true), .init(c.summary)]
            }))
        }
    }

    public static func markdown(_ e: AuditEvidence) -> String { ReportMarkdown.render(build(e)) }

    public static func html(_ e: AuditEvidence) -> String {
        ReportHTML.render(build(e), meta: "Evidence pack made by aftermath from commit \(e.commit.id)", extraStyle: printStyle)
    }

    /// Paper of either size (A4 or Letter): margins only, no page size, and tables that wrap.
    static let printStyle = """

    @page{margin:14mm 12mm}
    @media print{body{font-size:10pt;padding:0}th,td{white-space:normal;padding:.2rem .3rem}h2{break-before:auto}caption{font-size:9pt}}
    """
}
