/// One piece of an incident's evidence as the control mapping lists it: what it shows, in a
/// line, and the commit it comes from.
public struct EvidenceRow: Sendable {
    public var incident: String
    public var kind: EvidenceKind
    public var detail: String
    public var commit: String?

    /// The rows an incident offers, in `EvidenceKind` order.
    public static func rows(of i: IncidentEvidence) -> [EvidenceRow] {
        func fact(_ name: String) -> IncidentEvidence.Fact? { i.facts.first { $0.name == name } }
        func at(_ name: String) -> String { fact(name)?.value ?? "not recorded" }
        var rows = [
            EvidenceRow(incident: i.id, kind: .declaration, detail: "\(i.severity) declared \(at("declared")), detected \(at("detected"))", commit: fact("declared")?.commit),
            EvidenceRow(incident: i.id, kind: .containment, detail: "contained \(at("contained")), recovered \(at("recovered"))", commit: fact("contained")?.commit ?? fact("recovered")?.commit),
        ]
        if i.breach {
            var detail = i.notices.first.map { n in
                "customers notified \(n.sentAt ?? "—")" + (n.hoursAfterDeclared.map { ", \(AuditText.hours($0)) after declaration" } ?? "")
                    + (n.onTime == true ? ", on time" : n.onTime == false ? ", late" : "") + (n.deadline.map { " (deadline \($0))" } ?? "")
            } ?? "data breach; no customer notification recorded" + (i.notificationDeadline.map { " (deadline \($0))" } ?? "")
            if i.notices.count > 1 {
                let late = i.notices.dropFirst().filter { $0.onTime == false }.count
                detail += "; \(AuditText.plural(i.notices.count - 1, "follow-up")), \(late) late"
            }
            rows.append(EvidenceRow(incident: i.id, kind: .notification, detail: detail, commit: i.notices.first?.commit))
        }
        rows.append(EvidenceRow(incident: i.id, kind: .postmortem,
                                detail: i.published.map { "published \($0.time) by \($0.author)" }
                                    ?? (i.status == "closed" ? "first committed already closed: no commit shows it being published" : "status \(i.status), not published"),
                                commit: i.published?.commit))
        let approval = i.approval
        rows.append(EvidenceRow(incident: i.id, kind: .approval,
                                detail: approval.approvedBy.map { "approved by \($0)" + (approval.committer.map { ", committed by \($0)" } ?? "") } ?? "no approval recorded",
                                commit: approval.commit))
        if !i.findings.isEmpty {
            let categories = Dictionary(grouping: i.findings, by: \.category).map { "\($0.key) \($0.value.count)" }.sorted()
            rows.append(EvidenceRow(incident: i.id, kind: .findings, detail: "\(AuditText.plural(i.findings.count, "finding")): \(categories.joined(separator: ", "))", commit: nil))
        }
        if !i.items.isEmpty {
            let counts = IncidentEvidence.Item.Outcome.allCases.compactMap { outcome -> String? in
                let n = i.items.filter { $0.outcome == outcome }.count
                return n == 0 ? nil : "\(n) \(outcome.rawValue)"
            }
            rows.append(EvidenceRow(incident: i.id, kind: .remediation, detail: "\(AuditText.plural(i.items.count, "remediation item")): \(counts.joined(separator: ", "))", commit: nil))
        }
        if let closed = i.closed {
            rows.append(EvidenceRow(incident: i.id, kind: .closure, detail: "closed \(closed.time) by \(closed.author)" + (i.closedBy.map { " (closed_by \($0))" } ?? ""), commit: closed.commit))
        }
        rows.append(EvidenceRow(incident: i.id, kind: .integrity,
                                detail: "\(AuditText.plural(i.reopenings.count, "reopening")), \(AuditText.plural(Set(i.changesAfterClosing.map(\.commit)).count, "commit")) changing it after closing",
                                commit: nil))
        return rows
    }
}

