/// Which documents a listing shows and in what order.
public struct ListQuery: Sendable {
    public enum SortKey: String, Sendable, CaseIterable { case due, severity, owner, age, id }
    public enum GroupKey: String, Sendable, CaseIterable { case owner, team, postmortem, category }

    public var kinds: Set<DocumentKind> = [.remediation]
    public var openOnly = true
    public var statuses: Set<String> = []
    public var owner: String?
    public var team: String?
    public var severities: Set<String> = []
    public var categories: Set<String> = []
    public var postmortem: String?
    public var overdueOnly = false
    public var dueBefore: Timestamp?
    /// nil: overdue first, then by due date (the default review order).
    public var sort: SortKey?

    public init() {}

    public func matches(_ row: ItemRow, owners: OwnerRegistry) -> Bool {
        guard kinds.contains(row.kind) else { return false }
        if openOnly && !row.document.isOpen { return false }
        if !statuses.isEmpty && !statuses.contains(row.status) { return false }
        if let owner, !Self.owned(row, by: owner, owners: owners) { return false }
        if let team {
            guard case .team? = owners.resolve(team), Self.owned(row, by: team, owners: owners) else { return false }
        }
        if !severities.isEmpty && !severities.contains(row.severity ?? "") { return false }
        if !categories.isEmpty && !categories.contains(row.category ?? "") { return false }
        if let postmortem, row.postmortemID != postmortem { return false }
        if overdueOnly && !row.isOverdue { return false }
        if let dueBefore {
            guard let due = row.due.flatMap(Timestamp.parseDate), due < dueBefore else { return false }
        }
        return true
    }

    /// Owned by this person or team; a team also owns its members' items.
    static func owned(_ row: ItemRow, by name: String, owners: OwnerRegistry) -> Bool {
        let itemOwner = owners.resolve(row.owner)?.handle ?? row.owner
        switch owners.resolve(name) {
        case .person(let person)?: return itemOwner == person.handle
        case .team(let team)?:
            return itemOwner == team.handle || team.members.contains { (owners.resolve($0)?.handle ?? $0) == itemOwner }
        case nil: return itemOwner == name
        }
    }

    public func sorted(_ rows: [ItemRow]) -> [ItemRow] {
        let severityRank = ["sev1": 1, "sev2": 2, "sev3": 3, "sev4": 4]
        // By rank, then text, then ID, the strings in Swift's order. Keys are worked out once
        // per row, not once per comparison, and hold no strings: what their first bytes tell
        // settles most comparisons, and the strings are looked at only when it does not.
        // (Comparing keys that held the strings, each comparison counted four references, and
        // the sort was the largest serial step of a listing.) The keys are
        // worked out on every core: a row's fields are read from the summary.
        struct Key { var rank: Int; var text: StringSortKey; var id: StringSortKey; var row: Int }
        let sort = self.sort
        let worked = ParallelMap.joined(rows.count) { range in
            rows[range].indices.map { i -> (key: Key, text: String) in
                let row = rows[i]
                let rank: Int, text: String
                switch sort {
                case nil: (rank, text) = (row.isOverdue ? 0 : 1, row.due ?? "9999-99-99")
                case .due?: (rank, text) = (0, row.due ?? "9999-99-99")
                case .severity?: (rank, text) = (severityRank[row.severity ?? ""] ?? 9, "")
                case .owner?: (rank, text) = (0, row.owner)
                case .age?: (rank, text) = (-(row.ageDays ?? -1), "")  // oldest first
                case .id?: (rank, text) = (0, "")
                }
                return (Key(rank: rank, text: StringSortKey(text), id: StringSortKey(row.id), row: i), text)
            }
        }
        var keys = worked.map(\.key)
        let texts = worked.map(\.text)
        func compared(_ a: String, _ b: String) -> Int { a == b ? 0 : (a < b ? -1 : 1) }
        keys.sort { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            let text = a.text.compared(with: b.text) ?? compared(texts[a.row], texts[b.row])
            if text != 0 { return text < 0 }
            return (a.id.compared(with: b.id) ?? compared(rows[a.row].id, rows[b.row].id)) < 0
        }
        let order = keys.map(\.row)
        return Self.permuted(rows, order)
    }

    /// `rows` in `order` (row `order[i]` first at `i`), moved into place by swaps rather than
    /// copied: a copy of a row touches its reference counts, a swap does not.
    static func permuted<Row>(_ rows: [Row], _ order: [Int]) -> [Row] {
        var rows = rows
        var placed = [Bool](repeating: false, count: rows.count)
        for start in rows.indices where !placed[start] {
            // Follow the cycle through `start`: each step brings the row that belongs here.
            var here = start
            while true {
                placed[here] = true
                let from = order[here]
                guard from != start else { break }
                rows.swapAt(here, from)
                here = from
            }
        }
        return rows
    }

    /// Group names for a row (an item owned by a person in two teams is in both team groups).
    public static func groups(of row: ItemRow, by key: GroupKey, owners: OwnerRegistry) -> [String] {
        switch key {
        case .owner: return [row.owner]
        case .postmortem: return [row.postmortemID ?? "(none)"]
        case .category: return [row.category ?? "(none)"]
        case .team:
            if case .team(let team)? = owners.resolve(row.owner) { return [team.handle] }
            let teams = owners.teams(of: row.owner).map(\.handle)
            return teams.isEmpty ? ["(no team)"] : teams
        }
    }
}
