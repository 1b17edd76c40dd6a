/// The formats of `aftermath list`: pure functions from rows to text.
public enum ListRenderer {
    public static let columns = ["ID", "STATUS", "OWNER", "DUE", "SEV", "POSTMORTEM", "TITLE"]

    /// Optional columns in the order they are dropped on a narrow terminal (indices into
    /// `columns`): POSTMORTEM, SEV, OWNER, STATUS, then DUE. Each is dropped while the title
    /// would get fewer than `preferredTitle` columns (or fewer than its widest cell).
    public static let dropOrder = [5, 4, 2, 1, 3]
    static let preferredTitle = 24
    /// Below this many columns (or when even ID and title cannot fit), each row is shown one
    /// field per line instead of as a table.
    public static let narrowestTable = 40
    static let narrowestTitle = 10
    static let dueColumn = 3

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
                widths[c] = DisplayWidth.of(cells[c])
            }
        }
        return (cells, widths)
    }

    /// Aligned columns fitting `width`: on a narrow terminal, columns are dropped in
    /// `dropOrder` before the title is cut (by display width, with an ellipsis); narrower than
    /// `narrowestTable`, one field per line. Overdue rows in red when `colour`.
    public static func table(_ listing: Listing, width: Int, colour: Bool) -> String {
        let rows = listing.rows
        guard !rows.isEmpty else { return "no matching items\n" }
        // `rows` are the groups' rows in order, so the cells are taken in turn below. Each
        // cell's width is counted once: tens of thousands of rows are measured per column.
        let measured = ParallelMap.joined(rows.count) { range in rows[range].map(measuredCells) }
        guard width >= narrowestTable else { return records(listing, measured, width: width, colour: colour) }
        // Each column's widest cell, in one pass over the rows.
        var widest = columns.map(\.count)
        for (_, cellWidths) in measured {
            for c in widest.indices where cellWidths[c] > widest[c] { widest[c] = cellWidths[c] }
        }
        // DUE belongs to remediation items: a listing of findings or postmortems has none.
        var shown = Array(columns.indices)
        if !rows.contains(where: { $0.due != nil }) { shown.removeAll { $0 == dueColumn } }
        var w = shown.map { widest[$0] }
        for optional in dropOrder where width - (w.dropLast().reduce(0, +) + 2 * (shown.count - 1)) < min(preferredTitle, w.last ?? 0) {
            shown.removeAll { $0 == optional }
            w = shown.map { widest[$0] }
        }
        let fixed = w.dropLast().reduce(0, +) + 2 * (shown.count - 1)
        w[w.count - 1] = min(w[w.count - 1], width - fixed)
        guard w[w.count - 1] >= min(narrowestTitle, widest[columns.count - 1]) else {
            return records(listing, measured, width: width, colour: colour)
        }
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

    /// One field per line, each line cut to `width`, a blank line between rows: for terminals
    /// too narrow for a table.
    static func records(_ listing: Listing, _ measured: [(cells: [String], widths: [Int])], width: Int, colour: Bool) -> String {
        let labels = ["", "status", "owner", "due", "severity", "postmortem", "title"]
        let width = max(1, width)
        var out = "", next = 0
        for group in listing.groups {
            if !group.name.isEmpty { out += (out.isEmpty ? "" : "\n") + DisplayWidth.cut("\(TerminalSafe.escape(group.name)) (\(group.rows.count))", to: width) + "\n" }
            for (k, row) in group.rows.enumerated() {
                let cells = measured[next + k].cells
                let red = colour && row.isOverdue
                if k > 0 { out += "\n" }
                for (c, label) in labels.enumerated() {
                    let line = DisplayWidth.cut(label.isEmpty ? cells[c] : "  \(label): \(cells[c])", to: width)
                    out += (red ? "\u{1B}[31m" + line + "\u{1B}[0m" : line) + "\n"
                }
            }
            next += group.rows.count
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
        var text = s
        // Control characters are escaped as in every output (a CSV is read in terminals too);
        // tabs and line breaks are data a CSV carries, quoted.
        if !TerminalSafe.isPrintableASCII(text), text.unicodeScalars.contains(where: { TerminalSafe.isControl($0) && !csvKept.contains($0) }) {
            text = ""
            for scalar in s.unicodeScalars {
                if TerminalSafe.isControl(scalar) && !csvKept.contains(scalar) { text += TerminalSafe.escape(String(scalar)) } else { text.unicodeScalars.append(scalar) }
            }
        }
        // A leading =, +, -, @, tab or carriage return would be run as a formula by
        // spreadsheets (OWASP's CSV injection guidance): a leading quote keeps it text.
        if let first = text.unicodeScalars.first, formulaStarts.contains(first) { text = "'" + text }
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    private static let csvKept: Set<Unicode.Scalar> = ["\t", "\n", "\r"]
    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    public static func markdown(_ listing: Listing) -> String {
        let cell = MarkdownText.cell
        var out = ""
        for group in listing.groups {
            if !group.name.isEmpty { out += "### \(cell(group.name))\n\n" }
            out += "| ID | Status | Owner | Due | Severity | Postmortem | Title | Bugs |\n|---|---|---|---|---|---|---|---|\n"
            for row in group.rows {
                let due = row.due.map { d in row.overdueDays.map { "**\(cell(d)) (overdue \($0)d)**" } ?? cell(d) } ?? ""
                let bugs = row.bugs.map { b in b.url.flatMap(SafeLink.init).map { "[\(cell(b.label))](\($0.target))" } ?? cell(b.label) }.joined(separator: ", ")
                out += "| \(cell(row.id)) | \(cell(row.status)) | \(cell(row.owner)) | \(due) | \(cell(row.severity ?? "")) | \(cell(row.postmortemID ?? "")) | \(cell(row.title)) | \(bugs) |\n"
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
                let cut = DisplayWidth.cut(cells[c], to: widths[i])
                out += cut.utf8
                taken = DisplayWidth.of(cut)
            } else {
                out += cells[c].utf8
            }
            if i < shown.count - 1 && taken < widths[i] { out += repeatElement(0x20, count: widths[i] - taken) }
        }
        out.append(0x0A)
    }
}
