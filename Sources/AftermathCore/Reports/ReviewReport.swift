/// The weekly review: open items by owner and team, what is overdue, what blocks closure,
/// age, time to close, what was closed recently, incident figures, on-time rate, due dates
/// pushed back and recurring weaknesses.
public struct ReviewReport: Sendable {
    public var index: ListedIndex
    public var ruleset: Ruleset
    public var today: Timestamp
    /// From git history; empty without it (figures that need it then say so).
    public var times: [String: ItemTimes]
    public var monthly: [(month: String, open: Int, closed: Int)]
    public var since: Timestamp?
    /// False when history was skipped on purpose: the figures that need it say so, rather
    /// than that there is none.
    public var historyRead: Bool

    public init(index: ListedIndex, ruleset: Ruleset, today: Timestamp, times: [String: ItemTimes] = [:],
                monthly: [(month: String, open: Int, closed: Int)] = [], since: Timestamp? = nil, historyRead: Bool = true) {
        self.historyRead = historyRead
        self.index = index
        self.ruleset = ruleset
        self.today = today
        self.times = times
        self.monthly = monthly
        self.since = since
    }

    var rows: [ItemRow] {
        index.documents(of: .remediation).map { ItemRow($0, in: index, trackers: ruleset.configuration.trackers, today: today) }
    }

    public func build(charts: Bool) -> ReportDocument {
        var report = ReportDocument(title: "Remediation review — \(today.dateString)")
        let all = rows
        let open = all.filter { $0.document.isOpen }
        let overdue = open.filter(\.isOverdue).sorted { ($0.overdueDays ?? 0) > ($1.overdueDays ?? 0) }
        let postmortems = index.documents(of: .postmortem)
        let openPostmortems = postmortems.filter { $0.status != "closed" }.count, closedPostmortems = postmortems.count - openPostmortems
        report.add(.paragraph("\(open.count) open remediation item\(open.count == 1 ? "" : "s") (\(overdue.count) overdue) across \(openPostmortems) open postmortem\(openPostmortems == 1 ? "" : "s"); \(closedPostmortems) closed."))

        report.add(.heading(1, "Open items by owner"))
        report.add(.table(caption: nil, headers: ["Owner", "Open", "Overdue", "Oldest due"], rows: grouped(open) { [$0.owner] }))
        report.add(.heading(1, "Open items by team"))
        report.add(.table(caption: nil, headers: ["Team", "Open", "Overdue", "Oldest due"], rows: grouped(open) { ListQuery.groups(of: $0, by: .team, owners: ruleset.owners) }))
        if charts {
            let byTeam = Dictionary(grouping: overdue.flatMap { row in ListQuery.groups(of: row, by: .team, owners: ruleset.owners).map { ($0, row) } }, by: \.0)
            report.add(.chart(caption: "Overdue items by team", svg: SVGChart.bars("Overdue items by team", byTeam.keys.sorted().map { ($0, Double(byTeam[$0]?.count ?? 0)) })))
        }

        report.add(.heading(1, "Overdue"))
        report.add(.table(caption: nil, headers: ["Item", "Owner", "Due", "Days late", "Postmortem", "Title", "Bug"], rows: overdue.map { row in
            [ReportDocument.Cell(row.id), .init(row.owner), .init(row.due ?? ""), .init(String(row.overdueDays ?? 0), emphasis: true),
             .init(row.postmortemID ?? ""), .init(row.title), .init(bugs: row.bugs)]
        }))

        report.add(.heading(1, "Postmortems that cannot be closed yet"))
        var blocked: [[ReportDocument.Cell]] = []
        for pm in postmortems where pm.status != "closed" {
            let blockers = ClosureGate.blockers(for: pm, in: index)
            if blockers.isEmpty { continue }
            let owners = Set(blockers.compactMap(\.owner)).sorted().joined(separator: ", ")
            blocked.append([.init(pm.id), .init(pm.status ?? ""), .init(String(blockers.count)), .init(blockers.map(\.document.id).joined(separator: ", ")), .init(owners)])
        }
        report.add(.table(caption: nil, headers: ["Postmortem", "Status", "Blockers", "Blocking items", "Owners"], rows: blocked))

        report.add(.heading(1, "Age of open items"))
        let buckets: [(String, ClosedRange<Int>)] = [("under 30 days", 0...29), ("30–89 days", 30...89), ("90–179 days", 90...179), ("180 days or more", 180...Int.max)]
        let ages = open.map { $0.ageDays ?? 0 }  // each worked out once, not once per bucket
        report.add(.table(caption: "Days since the incident was declared", headers: ["Age", "Open items"], rows: buckets.map { name, range in
            [.init(name), .init(String(ages.filter { range.contains($0) }.count))]
        }))

        report.add(.heading(1, "Time to close"))
        // Only items seen open in some commit before they were closed: one imported already
        // closed would count as closed the moment it appeared.
        let closeDays = all.compactMap { times[$0.id]?.daysToClose }
        let importedClosed = all.filter { times[$0.id].map { $0.closed != nil && !$0.seenOpen } ?? false }.count
        let leftOut = importedClosed == 0 ? "" : " \(importedClosed) item\(importedClosed == 1 ? " was" : "s were") already closed when first committed and \(importedClosed == 1 ? "is" : "are") left out."
        if !historyRead {
            report.add(.paragraph("Git history was not read (--no-history): time to close is not computed."))
        } else if closeDays.isEmpty {
            report.add(.paragraph((times.isEmpty ? "No git history with closed items is available." : "No remediation item was seen open and then closed in git history.") + leftOut))
        } else {
            let sorted = closeDays.sorted()
            report.add(.paragraph("\(sorted.count) remediation item\(sorted.count == 1 ? "" : "s") seen open, then closed: median \(days(sorted[sorted.count / 2])) days, 90th percentile \(days(sorted[min(sorted.count - 1, sorted.count * 9 / 10)])) days (from git history).\(leftOut)"))
            if charts {
                let bins: [(String, ClosedRange<Double>)] = [("< 7d", 0...6.999), ("7–29d", 7...29.999), ("30–89d", 30...89.999), ("≥ 90d", 90...Double.greatestFiniteMagnitude)]
                report.add(.chart(caption: "Time to close remediation items", svg: SVGChart.bars("Time to close", bins.map { name, range in (name, Double(closeDays.filter { range.contains($0) }.count)) })))
            }
        }
        if charts && !monthly.isEmpty {
            report.add(.chart(caption: "Open and closed remediation items over time (git history)", svg: SVGChart.lines("Open and closed items over time",
                labels: monthly.map(\.month), series: [("open", monthly.map { Double($0.open) }, "#cf222e"), ("closed", monthly.map { Double($0.closed) }, "#1a7f37")])))
        }

        if let since {
            report.add(.heading(1, "Remediation items closed since \(since.dateString)"))
            let closed = all.filter { row in
                if let t = times[row.id]?.closed { return Double(t) >= since.secondsSinceEpoch }
                return row.document.string("resolved_at").flatMap(Timestamp.parseDate).map { $0 >= since } ?? false
            }
            report.add(.table(caption: nil, headers: ["Item", "Status", "Owner", "Title"], rows: closed.map { [.init($0.id), .init($0.status), .init($0.owner), .init($0.title)] }))
        }

        report.add(.heading(1, "Incidents"))
        report.add(.table(caption: .markdown("Time to detect runs from `started_at`; contain and recover from `detected_at`"), headers: ["Postmortem", "Severity", "Status", "Detect", "Contain", "Recover"], rows: postmortems.map { pm in
            let figures = IncidentFigures(pm)
            return [.init(pm.id), .init(pm.string("severity") ?? ""), .init(pm.status ?? ""), .init(IncidentFigures.duration(figures.detect)),
                    .init(IncidentFigures.duration(figures.contain)), .init(IncidentFigures.duration(figures.recover))]
        }))

        report.add(.heading(1, "On-time rate"))
        let done = all.filter { $0.status == "done" }
        let onTime = done.filter { row in
            guard let due = row.due.flatMap(Timestamp.parseDate), let resolved = row.document.string("resolved_at").flatMap(Timestamp.parseDate) else { return false }
            return resolved <= due
        }
        report.add(.paragraph(done.isEmpty ? "No remediation item is done yet." : "\(onTime.count) of \(done.count) done items (\(percent(onTime.count, done.count))) were resolved by their due date."))

        report.add(.heading(1, "Due dates pushed back"))
        if !historyRead { report.add(.paragraph("Git history was not read (--no-history): due dates pushed back are not computed.")) }
        let pushed = all.compactMap { row -> (ItemRow, [(time: Int64, days: Int)])? in
            guard let moves = times[row.id]?.duePushbacks, !moves.isEmpty else { return nil }
            return (row, moves)
        }
        report.add(.table(caption: "From git history", headers: ["Item", "Owner", "Times", "Days added"], rows: pushed.map { row, moves in
            [.init(row.id), .init(row.owner), .init(String(moves.count)), .init(String(moves.map(\.days).reduce(0, +)))]
        }))

        report.add(.heading(1, "Recurring weaknesses"))
        let findings = index.documents(of: .finding)
        func recurring(_ values: (ListedDocument) -> [String]) -> [[ReportDocument.Cell]] {
            var postmortemsByValue: [String: Set<String>] = [:]
            for finding in findings {
                guard let pm = finding.parentID else { continue }
                for value in values(finding) { postmortemsByValue[value, default: []].insert(pm) }
            }
            return postmortemsByValue.filter { $0.value.count > 1 }.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
                .map { [.init($0.key), .init(String($0.value.count)), .init($0.value.sorted().joined(separator: ", "))] }
        }
        report.add(.table(caption: "Finding categories found in more than one postmortem", headers: ["Category", "Postmortems", "Which"], rows: recurring { [$0.string("category") ?? ""] }))
        report.add(.table(caption: "Tags found in more than one postmortem", headers: ["Tag", "Postmortems", "Which"], rows: recurring { $0.field("tags")?.stringList ?? [] }))
        let related = findings.compactMap { finding -> [ReportDocument.Cell]? in
            let links = finding.field("related")?.stringList ?? []
            guard !links.isEmpty else { return nil }
            return [.init(finding.id), .init(finding.title ?? ""), .init(links.joined(separator: ", "))]
        }
        report.add(.table(caption: .markdown("Findings that repeat earlier ones (`related`)"), headers: ["Finding", "Title", "Repeats"], rows: related))
        return report
    }

    private func grouped(_ rows: [ItemRow], by key: (ItemRow) -> [String]) -> [[ReportDocument.Cell]] {
        var groups: [String: [ItemRow]] = [:]
        for row in rows { for name in key(row) { groups[name, default: []].append(row) } }
        return groups.keys.sorted().map { name in
            let items = groups[name] ?? []
            let late = items.filter(\.isOverdue).count
            return [.init(name), .init(String(items.count)), .init(String(late), emphasis: late > 0), .init(items.compactMap(\.due).min() ?? "")]
        }
    }

    func days(_ value: Double) -> String { String((value * 10).rounded() / 10) }
    func percent(_ part: Int, _ whole: Int) -> String { whole == 0 ? "—" : "\(Int((Double(part) / Double(whole) * 100).rounded()))%" }
}
