/// One postmortem as the shareable incident report stakeholders read.
public struct IncidentReport: Sendable {
    public var postmortem: Document
    /// The postmortem's Markdown body (the index keeps only its outline).
    public var body: String
    public var index: RepositoryIndex
    public var ruleset: Ruleset
    public var today: Timestamp

    public init(postmortem: Document, body: String, index: RepositoryIndex, ruleset: Ruleset, today: Timestamp) {
        self.postmortem = postmortem
        self.body = body
        self.index = index
        self.ruleset = ruleset
        self.today = today
    }

    public func build() -> ReportDocument {
        let pm = postmortem
        var report = ReportDocument(title: "\(pm.id): \(pm.title ?? "")")
        let figures = IncidentFigures(pm)
        report.add(.table(caption: nil, headers: ["Severity", "Status", "Customer impact", "Data breach", "Authors", "Approved by"], rows: [[
            .init(pm.string("severity") ?? ""), .init(pm.status ?? ""), .init(yesNo(pm.field("customer_impact")?.boolValue)),
            .init(yesNo(pm.field("data_breach")?.boolValue), emphasis: pm.field("data_breach")?.boolValue == true),
            .init(pm.field("authors")?.stringList.joined(separator: ", ") ?? ""), .init(pm.string("approved_by") ?? "—"),
        ]]))
        let incident = pm.field("incident")
        let stamps = IncidentOrderRule.order.compactMap { key in incident?[key]?.stringValue.map { (key, $0) } }
            + [pm.string("customers_notified_at").map { ("customers_notified_at", $0) }].compactMap { $0 }
        report.add(.heading(1, "Incident"))
        report.add(.table(caption: nil, headers: ["Moment", "Time (UTC)"], rows: stamps.map { [.init($0.0.replacing("_at", with: "").replacing("_", with: " ")), .init($0.1)] }))
        report.add(.paragraph("Time to detect: \(IncidentFigures.duration(figures.detect)) · time to contain: \(IncidentFigures.duration(figures.contain)) · time to recover: \(IncidentFigures.duration(figures.recover))"))

        if let notification = BreachNotification(pm) { addNotices(notification, to: &report) }
        for section in ["Summary"] { addSection(section, to: &report) }
        if let timeline = MarkdownBody.content(of: "Timeline", in: body) {
            report.add(.heading(1, "Timeline"))
            let parsed = MarkdownBody(Array(("## Timeline\n" + timeline).utf8)[...], firstLine: 1).timeline
            report.add(.table(caption: nil, headers: ["When", "What"], rows: parsed.map { entry in
                let when = entry.timestamp.map { HistoryRenderer.date(Int64($0.secondsSinceEpoch)) } ?? ""
                return [.init(when), .init(markdown: entry.timestamp == nil ? entry.text : entry.event)]
            }))
        }
        let actors = pm.field("actors")?.stringList ?? [], vectors = pm.field("attack_vectors")?.stringList ?? []
        if !actors.isEmpty || !vectors.isEmpty {
            report.add(.heading(1, "Actors and attack vectors"))
            if !actors.isEmpty { report.add(.bullets(actors.map { "Actor: \($0)" })) }
            if !vectors.isEmpty { report.add(.bullets(vectors.map { "Attack vector: \($0)" })) }
        }
        for section in ["Root cause", "Response", "Lessons"] { addSection(section, to: &report) }

        report.add(.heading(1, "Findings"))
        let trackers = ruleset.configuration.trackers
        let findings = index.findings(of: pm.id)
        for category in Set(findings.compactMap { $0.string("category") }).sorted() {
            report.add(.heading(2, category))
            for finding in findings where finding.string("category") == category {
                let bugs = BugLink.links(of: finding, trackers: trackers)
                report.add(.table(caption: "\(finding.id): \(finding.title ?? "")", headers: ["Owner", "Status", "Bugs"], rows: [[
                    .init(finding.owner ?? ""), .init(finding.status ?? ""), .init(bugs: bugs),
                ]]))
                let items = index.remediations(of: finding.id).map { ItemRow($0, in: index, trackers: trackers, today: today) }
                report.add(.table(caption: "Remediation items of \(finding.id)", headers: ["Item", "Status", "Owner", "Due", "Title", "Bug"], rows: items.map { row in
                    [.init(row.id), .init(row.status + (row.isOverdue ? " (overdue)" : ""), emphasis: row.isOverdue), .init(row.owner), .init(row.due ?? ""),
                     .init(row.title), .init(bugs: row.bugs)]
                }))
            }
        }
        return report
    }

    /// Each notice to customers: when, to whom, what it said and what it still lacks, and the
    /// update it promised — the evidence a reader of a breach report looks for first.
    private func addNotices(_ notification: BreachNotification, to report: inout ReportDocument) {
        report.add(.heading(1, "Customer notifications"))
        report.add(.table(caption: nil, headers: ["Notice", "Sent (UTC)", "Recipients", "Says", "Lacks", "Next update by"],
                          rows: notification.notices.map { notice in
            let recipients: String
            switch notice.recipients {
            case .count(let n)?: recipients = "\(n) customer\(n == 1 ? "" : "s")"
            case .groups(let groups)?: recipients = groups.joined(separator: ", ")
            case nil: recipients = "—"
            }
            let parts: [Notice.Part] = [.nature, .impact, .mitigation, .nextSteps]
            let says = parts.filter(notice.has).map { $0.rawValue.replacing("_", with: " ") }
            let lacks = notice.missing(notice.isFirst ? Notice.Part.content : []).map { $0.rawValue.replacing("_", with: " ") }
            return [.init(String(notice.number)), .init(notice.sentAtText ?? "not sent yet", emphasis: !notice.isSent),
                    .init(recipients), .init(says.joined(separator: ", ")), .init(lacks.joined(separator: ", "), emphasis: !lacks.isEmpty),
                    .init(notice.nextUpdateByText ?? "—")]
        }))
    }

    private func addSection(_ title: String, to report: inout ReportDocument) {
        guard let text = MarkdownBody.content(of: title, in: body)?.trimmingWhitespace, !text.isEmpty else { return }
        report.add(.heading(1, title))
        report.add(.markdown(text))
    }

    private func yesNo(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "—" }
}

extension String {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
