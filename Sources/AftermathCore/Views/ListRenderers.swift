/// The formats of `aftermath list`: pure functions from rows to text.
public enum ListRenderer {
    public static let columns = ["ID", "STATUS", "OWNER", "DUE", "SEV", "POSTMORTEM", "TITLE"]

    /// A row's cells, made safe to show, with the columns each takes: printable ASCII (nearly
    /// every cell) is checked once and measured by its length.
    static func measuredCells(_ row: ItemRow) -> (cells: [String], widths: [Int]) {
        let due = row.due.map { date in row.overdueDays.map { "\(date) +\($0)d" } ?? date } ?? "-"
        var cells = [row.id, row.status, row.owner, due, row.severity ?? "-", row.postmortemID ?? "-", row.title]
        var widths = [Int](repeating: 0, count: cells.count)
        for c in cells.indices {
            if TerminalSafe.isPrintableASCII(cells[c]) {
                widths[c] = cells[c].utf8.count
            } else {
                cells[c] = TerminalSafe.escape(cells[c])
                widths[c] = cellWidth(cells[c])
            }
        }
        return (cells, widths)
    }

    /// Columns a cell takes: characters, counted cheaply for ASCII.
    static func cellWidth(_ cell: String) -> Int { cell.utf8.allSatisfy { $0 < 0x80 } ? cell.utf8.count : cell.count }

    /// Aligned columns fitting `width`: on a narrow terminal the postmortem and severity
    /// columns are dropped before the title is cut. Overdue rows in red when `colour`.
    public static func table(_ listing: Listing, width: Int, colour: Bool) -> String {
        let rows = listing.rows
        guard !rows.isEmpty else { return "no matching items\n" }
        // `rows` are the groups' rows in order, so the cells are taken in turn below. Each
        // cell's width is counted once: tens of thousands of rows are measured per column.
        let measured = ParallelMap.joined(rows.count) { range in rows[range].map(measuredCells) }
        // Each column's widest cell, in one pass over the rows.
        var widest = columns.map(\.count)
        for (_, cellWidths) in measured {
            for c in widest.indices where cellWidths[c] > widest[c] { widest[c] = cellWidths[c] }
        }
        var shown = Array(columns.indices)
        var w = shown.map { widest[$0] }
        // Drop optional columns (POSTMORTEM, then SEV) while the title would get under 24.
        for optional in [5, 4] where width - (w.dropLast().reduce(0, +) + 2 * (shown.count - 1)) < min(24, w.last ?? 0) {
            shown.removeAll { $0 == optional }
            w = shown.map { widest[$0] }
        }
        let fixed = w.dropLast().reduce(0, +) + 2 * (shown.count - 1)
        w[w.count - 1] = max(10, min(w[w.count - 1], width - fixed))
        let layout = TableLayout(shown: shown, widths: w)
        let lineBytes = fixed + w[w.count - 1] + 12  // a guess at a line's length, to reserve
        var out: [UInt8] = []
        out.reserveCapacity((rows.count + listing.groups.count) * lineBytes)
        var next = 0
        for group in listing.groups {
            if !group.name.isEmpty { out += ((out.isEmpty ? "" : "\n") + "\(TerminalSafe.escape(group.name)) (\(group.rows.count))\n").utf8 }
            layout.line(columns, columns.map(\.count), into: &out)
            // The group's lines are written on every core, a stretch of rows each, then joined.
            let first = next
            out += ParallelMap.joined(group.rows.count, minimum: 2048) { range -> [UInt8] in
                var lines: [UInt8] = []
                lines.reserveCapacity(range.count * lineBytes)
                for k in range {
                    let red = colour && group.rows[k].isOverdue
                    if red { lines += "\u{1B}[31m".utf8 }
                    layout.line(measured[first + k].0, measured[first + k].1, into: &lines)
                    if red { lines.insert(contentsOf: "\u{1B}[0m".utf8, at: lines.count - 1) }
                }
                return lines
            }
            next += group.rows.count
        }
        return String(decoding: out, as: UTF8.self)
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

/// The table's shown columns and their widths: a line of cells laid out in them.
private struct TableLayout: Sendable {
    let shown: [Int]
    let widths: [Int]

    /// Appends the cells (with their measured widths) as one line: padded to each column, the
    /// last cut with an ellipsis when too wide.
    func line(_ cells: [String], _ cellWidths: [Int], into out: inout [UInt8]) {
        for (i, c) in shown.enumerated() {
            if i > 0 { out += [0x20, 0x20] }
            var taken = cellWidths[c]
            if taken > widths[i] {
                let cut = String(cells[c].prefix(max(0, widths[i] - 1))) + "…"
                out += cut.utf8
                taken = ListRenderer.cellWidth(cut)
            } else {
                out += cells[c].utf8
            }
            if i < shown.count - 1 && taken < widths[i] { out += repeatElement(0x20, count: widths[i] - taken) }
        }
        out.append(0x0A)
    }
}
