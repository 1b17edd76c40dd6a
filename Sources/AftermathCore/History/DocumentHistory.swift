/// A commit as history shows it.
public struct CommitMeta: Sendable, Equatable {
    public var id: String
    public var authorName: String
    public var authorEmail: String
    /// Seconds since the epoch (author time).
    public var time: Int64
    public var summary: String

    public init(id: String, authorName: String, authorEmail: String, time: Int64, summary: String) {
        self.id = id
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.time = time
        self.summary = summary
    }
}

/// One field that changed: `status: open → done`.
public struct FieldDelta: Sendable, Equatable {
    public var field: String
    public var from: String?
    public var to: String?
}

public struct HistoryEntry: Sendable {
    public enum Change: String, Sendable { case created, changed, deleted }

    public var commit: CommitMeta
    public var change: Change
    public var path: RepositoryPath
    /// Set when the document moved or was renamed in this commit.
    public var previousPath: RepositoryPath?
    public var fields: [FieldDelta]
    public var bodyChanged: Bool
}

/// Every commit that changed one document (followed by ID across renames and moves), and the
/// figures reports derive from it.
public struct DocumentHistory: Sendable {
    public var id: String
    public var entries: [HistoryEntry]

    public init(id: String, entries: [HistoryEntry]) {
        self.id = id
        self.entries = entries
    }

    /// Builds the entries from the document's state after each commit and before it (in the
    /// commit's first parent that had a different state).
    public static func entry(commit: CommitMeta, before: Document?, after: Document?) -> HistoryEntry? {
        switch (before, after) {
        case (nil, nil): return nil
        case (nil, let new?):
            return HistoryEntry(commit: commit, change: .created, path: new.path, previousPath: nil,
                                fields: fields(of: new).map { FieldDelta(field: $0.0, from: nil, to: $0.1) }, bodyChanged: false)
        case (let old?, nil):
            return HistoryEntry(commit: commit, change: .deleted, path: old.path, previousPath: nil, fields: [], bodyChanged: false)
        case (let old?, let new?):
            guard old.fingerprint != new.fingerprint || old.path != new.path else { return nil }
            let oldFields = Dictionary(fields(of: old), uniquingKeysWith: { a, _ in a })
            let newFields = Dictionary(fields(of: new), uniquingKeysWith: { a, _ in a })
            let keys = fields(of: new).map(\.0) + fields(of: old).map(\.0).filter { newFields[$0] == nil }
            let deltas = keys.compactMap { key -> FieldDelta? in
                oldFields[key] == newFields[key] ? nil : FieldDelta(field: key, from: oldFields[key], to: newFields[key])
            }
            let bodyChanged = old.body.fingerprint != new.body.fingerprint
            return HistoryEntry(commit: commit, change: .changed, path: new.path,
                                previousPath: old.path == new.path ? nil : old.path, fields: deltas, bodyChanged: bodyChanged)
        }
    }

    /// Top-level fields as display text, in file order.
    static func fields(of document: Document) -> [(String, String)] {
        (document.frontMatter.objectEntries ?? []).map { ($0.key, FieldText.render($0.value)) }
    }

    // MARK: Derived figures

    /// When the document first appeared.
    public var openedAt: Int64? { entries.first { $0.change == .created }?.commit.time }

    /// When its status first became a resolved one (done, wont-fix, resolved, accepted-risk, closed).
    public var closedAt: Int64? {
        let finished: Set<String> = ["done", "wont-fix", "resolved", "accepted-risk", "closed"]
        for entry in entries {
            if let status = entry.fields.first(where: { $0.field == "status" })?.to, finished.contains(status) { return entry.commit.time }
        }
        return nil
    }

    public var daysToClose: Double? {
        guard let opened = openedAt, let closed = closedAt else { return nil }
        return Double(closed - opened) / 86_400
    }

    /// Each time `due` moved later: (commit, from, to, days later).
    public var duePushbacks: [(commit: CommitMeta, from: String, to: String, days: Int)] {
        entries.compactMap { entry in
            guard let delta = entry.fields.first(where: { $0.field == "due" }), let from = delta.from, let to = delta.to,
                  let a = Timestamp.parseDate(from), let b = Timestamp.parseDate(to), b > a else { return nil }
            return (entry.commit, from, to, Int((b.secondsSinceEpoch - a.secondsSinceEpoch) / 86_400))
        }
    }
}

/// Compact one-line text for a front-matter value.
enum FieldText {
    static func render(_ node: Node) -> String {
        switch node.value {
        case .null: return "null"
        case .bool(let b): return String(b)
        case .integer(let i): return String(i)
        case .number(let d): return FieldName.number(d)
        case .string(let s): return s
        case .array(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
        case .object(let entries): return "{" + entries.map { "\($0.key): \(render($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
