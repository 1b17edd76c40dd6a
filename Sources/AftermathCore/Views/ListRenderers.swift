/// The formats of `aftermath list`: pure functions from rows to text.
public enum ListRenderer {
    public static let columns = ["ID", "STATUS", "OWNER", "DUE", "SEV", "POSTMORTEM", "TITLE"]

    static func cells(_ row: ItemRow) -> [String] {
        let due = row.due.map { date in row.overdueDays.map { "\(date) +\($0)d" } ?? date } ?? "-"
        return [row.id, row.status, row.owner, due, row.severity ?? "-", row.postmortemID ?? "-", row.title].map(TerminalSafe.escape)
    }

    /// Aligned columns fitting `width` (the title is cut to fit), overdue rows in red when `colour`.
    public static func table(_ listing: Listing, width: Int, colour: Bool) -> String {
        let rows = listing.rows
        guard !rows.isEmpty else { return "no matching items\n" }
        var widths = columns.map(\.count)
        for row in rows {
            for (i, cell) in cells(row).enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        // Everything but the title keeps its width; the title takes what is left (at least 10).
        let fixed = widths.dropLast().reduce(0, +) + 2 * (columns.count - 1)
        widths[widths.count - 1] = max(10, min(widths[widths.count - 1], width - fixed))
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let w = widths[i]
                let cut = cell.count > w ? String(cell.prefix(max(0, w - 1))) + "…" : cell
                return i == cells.count - 1 ? cut : cut + String(repeating: " ", count: w - cut.count)
            }.joined(separator: "  ")
        }
        var out = ""
        for group in listing.groups {
            if !group.name.isEmpty { out += (out.isEmpty ? "" : "\n") + "\(TerminalSafe.escape(group.name)) (\(group.rows.count))\n" }
            out += line(columns) + "\n"
            for row in group.rows {
                let text = line(cells(row))
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
