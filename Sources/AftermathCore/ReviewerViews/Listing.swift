/// The rows of a listing: documents matching a query, in order, optionally grouped.
public struct Listing: Sendable {
    public struct Group: Sendable {
        public var name: String
        public var rows: [ItemRow]
    }

    public var groups: [Group]

    /// Every row in order (one group's rows are handed over as they are, not copied row by row).
    public var rows: [ItemRow] { groups.count == 1 ? groups[0].rows : groups.flatMap(\.rows) }

    public init(index: ListedIndex, ruleset: Ruleset, query: ListQuery, groupBy: ListQuery.GroupKey?, today: Timestamp) {
        let trackers = ruleset.configuration.trackers
        // Cheap filters first: a row resolves links, most documents never need one.
        let candidates = query.kinds.flatMap { index.documents(of: $0) }.filter { !query.openOnly || $0.isOpen }
        let owners = ruleset.owners
        // Rows are moved, never copied: each copy of a row is four reference counts touched,
        // some of them (the trackers) shared by every row on every core.
        let rows = query.sorted(ParallelMap.joined(candidates.count) { range in
            var rows: [ItemRow] = []
            rows.reserveCapacity(range.count)
            for document in candidates[range] {
                let row = ItemRow(document, in: index, trackers: trackers, today: today)
                if query.matches(row, owners: owners) { rows.append(row) }
            }
            return rows
        })
        guard let groupBy else {
            groups = [Group(name: "", rows: rows)]
            return
        }
        var byName: [String: [ItemRow]] = [:]
        for row in rows {
            for name in ListQuery.groups(of: row, by: groupBy, owners: ruleset.owners) { byName[name, default: []].append(row) }
        }
        groups = byName.keys.sorted().map { Group(name: $0, rows: byName[$0] ?? []) }
    }
}
