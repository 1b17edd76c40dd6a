/// The rows of a listing: documents matching a query, in order, optionally grouped.
public struct Listing: Sendable {
    public struct Group: Sendable {
        public var name: String
        public var rows: [ItemRow]
    }

    public var groups: [Group]

    public var rows: [ItemRow] { groups.flatMap(\.rows) }

    public init(index: RepositoryIndex, ruleset: Ruleset, query: ListQuery, groupBy: ListQuery.GroupKey?, today: Timestamp) {
        let trackers = ruleset.configuration.trackers
        // Cheap filters first: a row resolves links, most documents never need one.
        let candidates = query.kinds.flatMap { index.documents(of: $0) }.filter { !query.openOnly || $0.isOpen }
        let owners = ruleset.owners
        let rows = query.sorted(ParallelMap.joined(candidates.count) { range in
            candidates[range].map { ItemRow($0, in: index, trackers: trackers, today: today) }.filter { query.matches($0, owners: owners) }
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
