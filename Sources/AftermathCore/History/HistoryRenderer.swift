/// Text and JSON forms of `aftermath history`.
public enum HistoryRenderer {
    public static func date(_ seconds: Int64) -> String {
        let t = Timestamp(secondsSinceEpoch: Double(seconds))
        return "\(t.dateString) \(t.timeOfDay.dropLast(3))"
    }

    public static func text(_ history: DocumentHistory) -> String {
        var out = ""
        for entry in history.entries {
            let who = TerminalSafe.escape("\(entry.commit.authorName) <\(entry.commit.authorEmail)>")
            out += "\(date(entry.commit.time))  \(entry.commit.id.prefix(12))  \(who)\n"
            out += "    \(TerminalSafe.escape(entry.commit.summary))\n"
            switch entry.change {
            case .created: out += "    created at \(entry.path.description)\n"
            case .deleted: out += "    deleted from \(entry.path.description)\n"
            case .changed:
                if let previous = entry.previousPath { out += "    moved: \(previous.description) → \(entry.path.description)\n" }
                for delta in entry.fields {
                    out += "    \(delta.field): \(TerminalSafe.escape(delta.from ?? "(unset)")) → \(TerminalSafe.escape(delta.to ?? "(unset)"))\n"
                }
                if entry.bodyChanged { out += "    body changed\n" }
            }
        }
        if let opened = history.openedAt {
            out += "opened \(date(opened))"
            if let closed = history.closedAt, let days = history.daysToClose {
                out += ", closed \(date(closed)): \(FieldName.number((days * 10).rounded() / 10)) days to close"
            }
            out += "\n"
        }
        return out
    }

    public static func json(_ history: DocumentHistory) -> JSONText {
        .object([
            ("id", .string(history.id)),
            ("opened_at", history.openedAt.map { .int(Int($0)) } ?? .null),
            ("closed_at", history.closedAt.map { .int(Int($0)) } ?? .null),
            ("days_to_close", history.daysToClose.map { .double(($0 * 10).rounded() / 10) } ?? .null),
            ("entries", .array(history.entries.map { entry in
                .object([
                    ("commit", .string(entry.commit.id)),
                    ("time", .int(Int(entry.commit.time))),
                    ("date", .string(date(entry.commit.time))),
                    ("author", .string(entry.commit.authorName)),
                    ("email", .string(entry.commit.authorEmail)),
                    ("summary", .string(entry.commit.summary)),
                    ("change", .string(entry.change.rawValue)),
                    ("path", .string(entry.path.text)),
                    ("previous_path", .optional(entry.previousPath?.text)),
                    ("fields", .array(entry.fields.map { .object([("field", .string($0.field)), ("from", .optional($0.from)), ("to", .optional($0.to))]) })),
                    ("body_changed", .bool(entry.bodyChanged)),
                ])
            })),
        ])
    }
}

extension CivilDate {
    /// `YYYY-MM-DD` (UTC) of a timestamp.
    static func string(_ t: Timestamp) -> String {
        let days = Int((t.secondsSinceEpoch / 86_400).rounded(.down))
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return IDAllocator.pad(y, 4) + "-" + IDAllocator.pad(m, 2) + "-" + IDAllocator.pad(d, 2)
    }
}

extension Timestamp {
    /// `YYYY-MM-DD` in UTC.
    public var dateString: String { CivilDate.string(self) }

    /// `HH:MM:SS` in UTC (whole seconds).
    public var timeOfDay: String {
        let s = (Int(secondsSinceEpoch.rounded(.down)) % 86_400 + 86_400) % 86_400
        return "\(IDAllocator.pad(s / 3600, 2)):\(IDAllocator.pad(s / 60 % 60, 2)):\(IDAllocator.pad(s % 60, 2))"
    }

    /// RFC 3339 in UTC: `2026-03-01T10:05:00Z`.
    public var rfc3339: String { "\(dateString)T\(timeOfDay)Z" }
}
