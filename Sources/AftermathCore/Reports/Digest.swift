/// One short Markdown message per owner — their open and overdue items with links — for a
/// mail or chat bot to send: the reminder that keeps items from being forgotten.
public struct Digest: Sendable {
    public struct Message: Sendable {
        public var owner: String
        public var email: String?
        public var text: String
    }

    public static func messages(index: ListedIndex, ruleset: Ruleset, today: Timestamp) -> [Message] {
        let trackers = ruleset.configuration.trackers
        let open = index.documents(of: .remediation).filter(\.isOpen).map { ItemRow($0, in: index, trackers: trackers, today: today) }
        let byOwner = Dictionary(grouping: open) { ruleset.owners.resolve($0.owner)?.handle ?? $0.owner }
        return byOwner.keys.sorted().map { owner in
            let rows = (byOwner[owner] ?? []).sorted { ($0.isOverdue ? 0 : 1, $0.due ?? "") < ($1.isOverdue ? 0 : 1, $1.due ?? "") }
            let overdue = rows.filter(\.isOverdue).count
            var name = owner, email: String?, sentTo = ""
            switch ruleset.owners.resolve(owner) {
            case .person(let p)?: name = p.name; email = p.email
            case .team(let t)?:
                name = t.name ?? t.handle
                (email, sentTo) = Self.recipients(of: t, in: ruleset.owners)
            case nil: break
            }
            var text = "## Remediation items for \(MarkdownText.escape(name)) — \(today.dateString)\n\n"
            if !sentTo.isEmpty { text += "Items owned by the team, sent to \(MarkdownText.escape(sentTo)).\n\n" }
            text += "You have \(rows.count) open item\(rows.count == 1 ? "" : "s")" + (overdue > 0 ? ", **\(overdue) overdue**" : "") + ".\n\n"
            for row in rows {
                let escape = MarkdownText.escape
                var line = "- \(row.isOverdue ? "**OVERDUE \(row.overdueDays ?? 0)d** " : "")\(escape(row.id)) (\(escape(row.status)), due \(escape(row.due ?? "—"))): \(escape(row.title))"
                for bug in row.bugs { line += " — " + ReportMarkdown.link(escape(bug.label), bug.url) }
                if let pm = row.postmortemID { line += " · \(escape(pm))" }
                text += line + "\n"
            }
            text += "\nUpdate an item with `aftermath set ID status=in-progress` (or done, with resolved_at and resolution).\n"
            return Message(owner: owner, email: email, text: text)
        }
    }

    /// Where a team's digest goes: to its lead, who answers for the team's items; to every
    /// member with an email when the team names no lead.
    static func recipients(of team: OwnerRegistry.Team, in owners: OwnerRegistry) -> (email: String?, description: String) {
        func person(_ handle: String) -> OwnerRegistry.Person? {
            if case .person(let p)? = owners.resolve(handle) { return p }
            return nil
        }
        if let lead = team.lead.flatMap(person), let email = lead.email {
            return (email, "its lead, \(lead.name)")
        }
        let members = team.members.compactMap(person).filter { $0.email != nil }
        guard !members.isEmpty else { return (nil, "") }
        return (members.compactMap(\.email).joined(separator: ", "), "its members, " + members.map(\.name).joined(separator: ", "))
    }
}
