/// The parts of a document's Markdown body that rules read: level-2 sections and the
/// Timeline list. Fenced code blocks are skipped so examples inside them do not count.
public struct MarkdownBody: Sendable {
    public struct Section: Sendable, Equatable {
        public var title: String
        public var line: Int
        /// Lines of the section's content (without the heading), with their file line numbers.
        public var lines: [(number: Int, text: String)]

        public static func == (a: Section, b: Section) -> Bool { a.title == b.title && a.line == b.line }
    }

    public struct TimelineEntry: Sendable, Equatable {
        public var location: SourceLocation
        public var text: String
        public var timestamp: Timestamp?
    }

    public var sections: [Section] = []
    public var timeline: [TimelineEntry] = []
    /// File line of the body's first line (just after the closing `---`).
    public var firstLine = 1

    public init() {}

    public init(_ text: String, firstLine: Int) {
        self.firstLine = firstLine
        var fence: Substring?
        var lineNumber = firstLine - 1
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                continue
            }
            if line.hasPrefix("## ") {
                var title = line.dropFirst(3)
                while title.hasSuffix("#") || title.hasSuffix(" ") { title = title.dropLast() }
                sections.append(Section(title: String(title.drop { $0 == " " }), line: lineNumber, lines: []))
            } else if !sections.isEmpty && !line.hasPrefix("# ") {
                sections[sections.count - 1].lines.append((lineNumber, String(line)))
            }
        }
        if let section = self.section(named: "Timeline") { timeline = Self.timeline(of: section) }
    }

    public func section(named title: String) -> Section? {
        sections.first { $0.title.lowercased() == title.lowercased() }
    }

    /// Timeline list items: each starts with an RFC 3339 timestamp or `YYYY-MM-DD HH:MM` (UTC),
    /// optionally in bold or code span. Indented continuation lines belong to the item above.
    static func timeline(of section: Section) -> [TimelineEntry] {
        var entries: [TimelineEntry] = []
        for (number, text) in section.lines {
            guard let marker = listItemContentStart(text) else { continue }
            let content = text[marker...]
            let column = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: marker) + 1
            var stamp = content.drop { $0 == "*" || $0 == "`" || $0 == "_" }
            stamp = stamp.prefix { $0 != "*" && $0 != "`" && $0 != "_" }
            let token = stamp.prefix { $0 != " " && $0 != "\t" }
            let timestamp = Timestamp.parseDateTime(token.hasSuffix(":") ? token.dropLast() : token)
                ?? Timestamp.parseTimelineStamp(stamp.prefix(16))
            entries.append(TimelineEntry(location: SourceLocation(line: number, column: column), text: String(content), timestamp: timestamp))
        }
        return entries
    }

    /// Index just after `- `, `* `, `+ ` or `1. ` at the start of a line, or nil.
    private static func listItemContentStart(_ line: String) -> String.Index? {
        var i = line.startIndex
        guard i < line.endIndex else { return nil }
        if "-*+".contains(line[i]) {
            i = line.index(after: i)
        } else {
            while i < line.endIndex, line[i].isASCII, line[i].isNumber { i = line.index(after: i) }
            guard i > line.startIndex, i < line.endIndex, line[i] == "." || line[i] == ")" else { return nil }
            i = line.index(after: i)
        }
        guard i < line.endIndex, line[i] == " " else { return nil }
        while i < line.endIndex, line[i] == " " { i = line.index(after: i) }
        return i < line.endIndex ? i : nil
    }
}
