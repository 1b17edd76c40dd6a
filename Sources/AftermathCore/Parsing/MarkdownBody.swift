/// The parts of a document's Markdown body that rules and reports read: level-2 sections and
/// the Timeline list. Fenced code blocks are skipped so examples inside them do not count.
/// Scanned byte by byte: only headings and Timeline items become strings, since every
/// document of a repository passes through here on every run.
public struct MarkdownBody: Sendable {
    public struct Section: Sendable, Equatable {
        public var title: String
        public var line: Int
        /// UTF-8 offsets in the body of the section's content (after the heading line).
        public var content: Range<Int>
    }

    public struct TimelineEntry: Sendable, Equatable {
        public var location: SourceLocation
        public var text: String
        public var timestamp: Timestamp?

        /// What happened: the text after the time (and any bold, code span or dash around it).
        public var event: String { MarkdownBody.splitStamp(text).event }
    }

    /// A Timeline item's leading time (RFC 3339, or `YYYY-MM-DD HH:MM` in UTC, optionally in
    /// bold or a code span) and the event after it; no time leaves the text whole.
    static func splitStamp(_ text: String) -> (timestamp: Timestamp?, event: String) {
        guard let (stamp, rest) = leadingStamp(text) else { return (nil, text) }
        return (stamp, String(rest.drop { " \t*`_:-—–".contains($0) }))
    }

    /// The leading time and the text after it, the event not yet made a string of its own (a
    /// body's scan wants only the time).
    private static func leadingStamp(_ text: String) -> (Timestamp, Substring)? {
        let rest = Substring(text).drop { $0 == "*" || $0 == "`" || $0 == "_" }
        let token = rest.prefix { $0 != " " && $0 != "\t" && $0 != "*" && $0 != "`" && $0 != "_" }
        if let stamp = Timestamp.parseDateTime(token.hasSuffix(":") ? token.dropLast() : token) {
            return (stamp, rest.dropFirst(token.count))
        }
        if let stamp = Timestamp.parseTimelineStamp(rest.prefix(16)) {
            return (stamp, rest.dropFirst(16))
        }
        return nil
    }

    /// A hash of the body's bytes; the text itself is not kept (memory at 100k documents),
    /// `MarkdownBody.content(of:in:)` reads a section from the file when a report needs it.
    public var fingerprint: UInt64 = 0
    public var sections: [Section] = []
    public var timeline: [TimelineEntry] = []
    /// File line of the body's first line (just after the closing `---`).
    public var firstLine = 1

    public init() {}

    public init(_ text: String, firstLine: Int) {
        self.init(Array(text.utf8)[...], firstLine: firstLine)
    }

    public init(_ bytes: ArraySlice<UInt8>, firstLine: Int) {
        self.firstLine = firstLine
        fingerprint = Fingerprint.lanes(bytes)
        bytes.withUnsafeBufferPointer { scan($0) }
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        var fence: UInt8 = 0
        var lineNumber = firstLine
        var start = 0
        var inTimeline = false
        while start < bytes.count {
            let end = bytes.lineEnd(from: start)
            var contentEnd = end
            if contentEnd > start, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            var indent = start
            while indent < contentEnd, indent - start < 4, bytes[indent] == 0x20 { indent += 1 }
            let isFence = contentEnd - indent >= 3 && (bytes[indent] == 0x60 || bytes[indent] == 0x7E)
                && bytes[indent + 1] == bytes[indent] && bytes[indent + 2] == bytes[indent]
            if fence != 0 {
                if isFence && bytes[indent] == fence { fence = 0 }
            } else if isFence {
                fence = bytes[indent]
            } else if contentEnd - start >= 3, bytes[start] == 0x23, bytes[start + 1] == 0x23, bytes[start + 2] == 0x20 {
                if var last = sections.popLast() {
                    last.content = last.content.lowerBound..<start
                    sections.append(last)
                }
                var titleEnd = contentEnd
                while titleEnd > start + 3, bytes[titleEnd - 1] == 0x23 || bytes[titleEnd - 1] == 0x20 { titleEnd -= 1 }
                var titleStart = start + 3
                while titleStart < titleEnd, bytes[titleStart] == 0x20 { titleStart += 1 }
                let title = String(decoding: UnsafeBufferPointer(rebasing: bytes[titleStart..<titleEnd]), as: UTF8.self)
                sections.append(Section(title: title, line: lineNumber, content: min(end + 1, bytes.count)..<bytes.count))
                inTimeline = title.lowercased() == "timeline"
            } else if inTimeline, let entry = Self.timelineEntry(bytes[start..<contentEnd], line: lineNumber) {
                timeline.append(entry)
            }
            lineNumber += 1
            start = end + 1
        }
    }

    public func section(named title: String) -> Section? {
        sections.first { $0.title.lowercased() == title.lowercased() }
    }

    /// The text of a section (without its heading) in a document body, or nil.
    public static func content(of title: String, in body: String) -> String? {
        let bytes = Array(body.utf8)
        guard let section = MarkdownBody(bytes[...], firstLine: 1).section(named: title) else { return nil }
        return String(decoding: bytes[section.content.clamped(to: 0..<bytes.count)], as: UTF8.self)
    }

    /// A Timeline list item: `- `, `* `, `+ ` or `1. ` then an RFC 3339 timestamp or
    /// `YYYY-MM-DD HH:MM` (UTC), optionally in bold or a code span.
    static func timelineEntry(_ line: Slice<UnsafeBufferPointer<UInt8>>, line number: Int) -> TimelineEntry? {
        var i = line.startIndex
        guard i < line.endIndex else { return nil }
        if line[i] == 0x2D || line[i] == 0x2A || line[i] == 0x2B {
            i += 1
        } else {
            let digits = i
            while i < line.endIndex, line[i] >= 0x30, line[i] <= 0x39 { i += 1 }
            guard i > digits, i < line.endIndex, line[i] == 0x2E || line[i] == 0x29 else { return nil }
            i += 1
        }
        guard i < line.endIndex, line[i] == 0x20 else { return nil }
        while i < line.endIndex, line[i] == 0x20 { i += 1 }
        guard i < line.endIndex else { return nil }
        let content = String(decoding: UnsafeBufferPointer(rebasing: line[i...]), as: UTF8.self)
        let column = String(decoding: UnsafeBufferPointer(rebasing: line[line.startIndex..<i]), as: UTF8.self).unicodeScalars.count + 1
        return TimelineEntry(location: SourceLocation(line: number, column: column), text: content, timestamp: leadingStamp(content)?.0)
    }
}
