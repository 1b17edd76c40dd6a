/// Every bug reference of the repository's findings and remediation items, with its tracker,
/// URL, kept state and the drift the tracker rules see in it (`aftermath bugs`).
public struct BugListing: Sendable {
    public struct Row: Sendable {
        public var document: String
        public var kind: DocumentKind
        public var path: RepositoryPath
        public var status: String
        public var owner: String?
        public var link: BugLink
        public var state: TrackerState?
        /// Names of the tracker rules that flag this reference (`closed-bug-of-open-item` …).
        public var drift: [String]

        /// `open`, `closed: Done, Fixed`, `not found`, or `unknown` before any refresh.
        public var stateText: String { state?.summary ?? "unknown" }
    }

    /// Which references to show.
    public struct Filter: Sendable {
        public var trackers: Set<String> = []
        public var states: Set<String> = []
        public var kinds: Set<DocumentKind> = []
        public var driftOnly = false

        public init() {}

        func admits(_ row: Row) -> Bool {
            (trackers.isEmpty || row.link.tracker.map(trackers.contains) == true)
                && (kinds.isEmpty || kinds.contains(row.kind))
                && (states.isEmpty || states.contains(Self.stateWord(row.state)))
                && (!driftOnly || !row.drift.isEmpty)
        }

        /// The word `--state` matches: open, closed, missing or unknown.
        public static func stateWord(_ state: TrackerState?) -> String {
            guard let state else { return "unknown" }
            return !state.exists ? "missing" : state.isOpen ? "open" : "closed"
        }
    }

    public var rows: [Row]

    /// The drift rules, whose diagnostics mark a reference's row.
    static let driftRules: [(name: String, flags: @Sendable (any DocumentFields, TrackerState) -> Bool)] = [
        (OpenBugOfDoneItemRule.description.name, OpenBugOfDoneItemRule.flags),
        (ClosedBugOfOpenItemRule.description.name, ClosedBugOfOpenItemRule.flags),
        (OpenBugOfResolvedFindingRule.description.name, OpenBugOfResolvedFindingRule.flags),
        (MissingTrackerIssueRule.description.name, MissingTrackerIssueRule.flags),
        (StaleTrackerStateRule.description.name, StaleTrackerStateRule.flags),
    ]

    public init(index: ListedIndex, ruleset: Ruleset, filter: Filter = Filter()) {
        var rows: [Row] = []
        let documents = (index.documents(of: .finding) + index.documents(of: .remediation)).sorted { $0.id < $1.id }
        for document in documents {
            for link in BugLink.links(of: document, trackers: ruleset.configuration.trackers) {
                let state = link.state
                let drift = state.map { state in Self.driftRules.filter { $0.flags(document, state) }.map(\.name) } ?? []
                let row = Row(document: document.id, kind: document.kind, path: document.path, status: document.status ?? "",
                              owner: document.owner, link: link, state: state, drift: drift)
                if filter.admits(row) { rows.append(row) }
            }
        }
        self.rows = rows
    }

    // MARK: Rendering

    static let columns = ["DOCUMENT", "STATUS", "REFERENCE", "TRACKER", "STATE", "DRIFT", "URL"]

    func cells(_ row: Row) -> [String] {
        [row.document, row.status, row.link.reference, row.link.tracker ?? "", row.stateText, row.drift.joined(separator: ","), row.link.url ?? ""]
    }

    public func table() -> String {
        guard !rows.isEmpty else { return "no bug references\n" }
        let lines = [Self.columns] + rows.map { cells($0).map(TerminalSafe.escape) }
        var widths = Self.columns.map { _ in 0 }
        for line in lines { for (i, cell) in line.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return lines.map { line in
            line.enumerated().map { i, cell in i == line.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count) }
                .joined(separator: "  ").trimmingSuffixSpaces() + "\n"
        }.joined()
    }

    public func csv() -> String {
        let header = ["document", "kind", "path", "status", "reference", "tracker", "url", "state", "status_name", "resolution",
                      "assignee", "updated", "fetched_at", "drift"]
        var lines = [header.map(ListRenderer.csvField).joined(separator: ",")]
        for row in rows {
            let s = row.state
            lines.append([row.document, row.kind.rawValue, row.path.text, row.status, row.link.reference, row.link.tracker ?? "", row.link.url ?? "",
                          Filter.stateWord(s), s?.status ?? "", s?.resolution ?? "", s?.assignee ?? "", s?.updated ?? "",
                          s?.fetchedAt.rfc3339 ?? "", row.drift.joined(separator: " ")].map(ListRenderer.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    public func json() -> String {
        JSONText.array(rows.map { row in
            let state: JSONText = row.state.map { s in
                .object([("state", .string(Filter.stateWord(s))), ("status", .string(s.status)), ("resolution", .optional(s.resolution)),
                         ("assignee", .optional(s.assignee)), ("updated", .optional(s.updated)), ("closed_at", .optional(s.closedAt)),
                         ("fetched_at", .string(s.fetchedAt.rfc3339)), ("stale", .bool(s.isStale))])
            } ?? .null
            return .object([("document", .string(row.document)), ("kind", .string(row.kind.rawValue)), ("path", .string(row.path.text)),
                            ("status", .string(row.status)), ("ref", .string(row.link.reference)), ("tracker", .optional(row.link.tracker)),
                            ("url", .optional(row.link.url)), ("state", state), ("drift", .array(row.drift.map { .string($0) }))])
        }).rendered() + "\n"
    }
}

private extension String {
    func trimmingSuffixSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
