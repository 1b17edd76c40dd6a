/// The formats of `aftermath list`: pure functions from rows to text.
public enum ListRenderer {
    public static let columns = ["ID", "STATUS", "OWNER", "DUE", "SEV", "POSTMORTEM", "TITLE"]

    static func cells(_ row: ItemRow) -> [String] {
        let due = row.due.map { date in row.overdueDays.map { "\(date) +\($0)d" } ?? date } ?? "-"
        return [row.id, row.status, row.owner, due, row.severity ?? "-", row.postmortemID ?? "-", row.title].map(TerminalSafe.escape)
    }

    /// Columns a cell takes: characters, counted cheaply for ASCII.
    static func cellWidth(_ cell: String) -> Int { cell.utf8.allSatisfy { $0 < 0x80 } ? cell.utf8.count : cell.count }

    /// Aligned columns fitting `width`: on a narrow terminal the postmortem and severity
    /// columns are dropped before the title is cut. Overdue rows in red when `colour`.
    public static func table(_ listing: Listing, width: Int, colour: Bool) -> String {
        let rows = listing.rows
        guard !rows.isEmpty else { return "no matching items\n" }
        // `rows` are the groups' rows in order, so the cells are taken in turn below.
        let allCells = rows.map(cells)
        var next = 0
        var shown = Array(columns.indices)
        func widths(_ shown: [Int]) -> [Int] {
            shown.map { c in allCells.reduce(columns[c].count) { max($0, cellWidth($1[c])) } }
        }
        var w = widths(shown)
        // Drop optional columns (POSTMORTEM, then SEV) while the title would get under 24.
        for optional in [5, 4] where width - (w.dropLast().reduce(0, +) + 2 * (shown.count - 1)) < min(24, w.last ?? 0) {
            shown.removeAll { $0 == optional }
            w = widths(shown)
        }
        let fixed = w.dropLast().reduce(0, +) + 2 * (shown.count - 1)
        w[w.count - 1] = max(10, min(w[w.count - 1], width - fixed))
        func line(_ cells: [String]) -> String {
            shown.enumerated().map { i, c in
                let cell = cells[c]
                let cut = Self.cellWidth(cell) > w[i] ? String(cell.prefix(max(0, w[i] - 1))) + "…" : cell
                return i == shown.count - 1 ? cut : cut + String(repeating: " ", count: w[i] - Self.cellWidth(cut))
            }.joined(separator: "  ")
        }
        var out = ""
        for group in listing.groups {
            if !group.name.isEmpty { out += (out.isEmpty ? "" : "\n") + "\(TerminalSafe.escape(group.name)) (\(group.rows.count))\n" }
            out += line(columns) + "\n"
            for row in group.rows {
                let text = line(allCells[next])
                next += 1
                out += (colour && row.isOverdue ? "\u{1B}[31m\(text)\u{1B}[0m" : text) + "\n"
            }
        }
        return out
    }

    public static func json(_ listing: Listing, grouped: Bool) -> String {
        let items: JSONText = grouped
            ? .array(listing.groups.map { .object([("group", .string($0.name)), ("items", .array($0.rows.map(\.json)))]) })
            : .array(listing.rows.map(\.json))
        return JSONText.object([("version", .int(JSONReporter.formatVersion)), (grouped ? "groups" : "items", items)]).rendered() + "\n"
    }

    /// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break.
    public static func csv(_ listing: Listing, grouped: Bool) -> String {
        let header = (grouped ? ["group"] : []) + ["id", "kind", "status", "owner", "due", "overdue_days", "severity", "category", "postmortem", "title", "bugs"]
        var lines = [header.map(csvField).joined(separator: ",")]
        for group in listing.groups {
            for row in group.rows {
                let fields = (grouped ? [group.name] : []) + [
                    row.id, row.kind.rawValue, row.status, row.owner, row.due ?? "", row.overdueDays.map(String.init) ?? "",
                    row.severity ?? "", row.category ?? "", row.postmortemID ?? "", row.title, row.bugs.map(\.reference).joined(separator: " "),
                ]
                lines.append(fields.map(csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func csvField(_ s: String) -> String {
        // A leading =, +, - or @ would be run as a formula by spreadsheets.
        let guarded = s.first.map { "=+-@".contains($0) } == true ? "'" + s : s
        guard guarded.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return guarded }
        return "\"" + guarded.replacing("\"", with: "\"\"") + "\""
    }

    public static func markdown(_ listing: Listing) -> String {
        func cell(_ s: String) -> String { TerminalSafe.escape(s).replacing("|", with: "\\|") }
        var out = ""
        for group in listing.groups {
            if !group.name.isEmpty { out += "### \(cell(group.name))\n\n" }
            out += "| ID | Status | Owner | Due | Severity | Postmortem | Title | Bugs |\n|---|---|---|---|---|---|---|---|\n"
            for row in group.rows {
                let due = row.due.map { d in row.overdueDays.map { "**\(d) (overdue \($0)d)**" } ?? d } ?? ""
                let bugs = row.bugs.map { b in b.url.map { "[\(cell(b.reference))](\($0))" } ?? cell(b.reference) }.joined(separator: ", ")
                out += "| \(row.id) | \(cell(row.status)) | \(cell(row.owner)) | \(due) | \(row.severity ?? "") | \(row.postmortemID ?? "") | \(cell(row.title)) | \(bugs) |\n"
            }
            out += "\n"
        }
        return out
    }
}
