/// A document with what it links to and what links to it, for `aftermath show`.
public struct DocumentTree: Sendable {
    public var row: ItemRow
    public var children: [DocumentTree]
    public var parents: [ItemRow]

    public init(_ document: Document, index: RepositoryIndex, ruleset: Ruleset, today: Timestamp, includeParents: Bool = true) {
        let trackers = ruleset.configuration.trackers
        row = ItemRow(document, in: index, trackers: trackers, today: today)
        switch document.kind {
        case .postmortem:
            children = index.findings(of: document.id).map { DocumentTree($0, index: index, ruleset: ruleset, today: today, includeParents: false) }
        case .finding:
            children = index.remediations(of: document.id).map { DocumentTree($0, index: index, ruleset: ruleset, today: today, includeParents: false) }
        case .remediation:
            children = []
        }
        var parents: [ItemRow] = []
        if includeParents {
            var current = document
            while let parentID = current.parentID, let parent = index[parentID] {
                parents.insert(ItemRow(parent, in: index, trackers: trackers, today: today), at: 0)
                current = parent
            }
        }
        self.parents = parents
    }

    public var json: JSONText {
        guard case .object(var fields) = row.json else { return row.json }
        fields.append(("fields", JSONText(node: row.document.frontMatter)))
        if !parents.isEmpty { fields.append(("parents", .array(parents.map(\.json)))) }
        let key = row.kind == .postmortem ? "findings" : "remediations"
        if row.kind != .remediation { fields.append((key, .array(children.map(\.json)))) }
        return .object(fields)
    }

    public var text: String {
        var out = ""
        for (depth, parent) in parents.enumerated() {
            out += String(repeating: "  ", count: depth) + "\(parent.id)  \(TerminalSafe.escape(parent.title))  [\(parent.status)]\n"
        }
        out += render(indent: parents.count, detailed: true)
        return out
    }

    /// The fields that record a decision about the document — who approved or closed it, when,
    /// and why — shown when set, since they are what a reviewer checks.
    static let decisionFields = ["customers_notified_at", "approved_by", "justification", "resolved_at", "resolution",
                                 "closed_at", "closed_by", "reopened_reason"]

    private func render(indent: Int, detailed: Bool) -> String {
        let pad = String(repeating: "  ", count: indent)
        var line = "\(pad)\(row.id)  \(TerminalSafe.escape(row.title))  [\(row.status)]"
        if !row.owner.isEmpty { line += "  \(row.kind == .postmortem ? "authors" : "owner"): \(TerminalSafe.escape(row.owner))" }
        if let due = row.due { line += "  due: \(due)" }
        if let days = row.overdueDays { line += "  OVERDUE \(days)d" }
        var out = line + "\n"
        if detailed {
            out += "\(pad)  path: \(row.document.path.description)\n"
            if let severity = row.severity, row.kind == .postmortem { out += "\(pad)  severity: \(severity)\n" }
            if let category = row.category { out += "\(pad)  category: \(category)\n" }
            for field in Self.decisionFields {
                guard let value = row.document.string(field) else { continue }
                out += "\(pad)  \(field): \(TerminalSafe.escape(value))\n"
            }
        }
        for bug in row.bugs { out += "\(pad)  bug: \(TerminalSafe.escape(bug.text))\n" }
        for child in children { out += child.render(indent: indent + 1, detailed: false) }
        return out
    }
}

extension JSONText {
    /// Front matter as JSON, keys in file order.
    public init(node: Node) {
        switch node.value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .integer(let i): self = .int(i)
        case .number(let d): self = .double(d)
        case .string(let s): self = .string(s)
        case .array(let items): self = .array(items.map(JSONText.init(node:)))
        case .object(let entries): self = .object(entries.map { ($0.key, JSONText(node: $0.value)) })
        }
    }
}
