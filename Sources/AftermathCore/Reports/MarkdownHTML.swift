import Ink

/// Markdown from a document's body as HTML elements, through Ink (JohnSundell/Ink): a
/// maintained, dependency-free Swift renderer of the CommonMark constructs postmortems use
/// (paragraphs, nested `-`, `*` and `1.` lists, code spans and fenced blocks, emphasis, links,
/// headings, quotes, tables).
///
/// Ink passes raw HTML through and writes link targets as they are, so the text is prepared
/// before Ink reads it: `&`, `<` and `"` become entities, which Ink keeps as they are (no tag
/// can start, no attribute can be closed). Inside code, where Ink escapes `&` once more, that
/// one level is undone; every link and image is rewritten through `SafeLink`, so only http,
/// https and mailto targets stay links.
enum MarkdownHTML {
    static func block(_ markdown: String) -> String {
        parser().html(from: prepared(markdown))
    }

    /// One line of Markdown (a timeline entry, a caption) as inline HTML, never a block.
    static func inline(_ markdown: String) -> String {
        var text = prepared(markdown)
        if startsBlock(text) { text = "\\" + text }
        let html = parser().html(from: text)
        guard html.hasPrefix("<p>"), html.hasSuffix("</p>") else { return html }
        return String(html.dropFirst(3).dropLast(4))
    }

    /// The text as Ink should read it: `&`, `<` and `"` as entities (Ink passes entities
    /// through, so no tag can start and no attribute can be closed); outside code, a
    /// backslash escape as the entity of the character it escapes, and any other backslash as
    /// an entity (Ink would drop it); control characters shown escaped, tabs kept; a thematic
    /// break at the start kept one (Ink would read `---` there as metadata); and the lines
    /// rearranged where Ink's reading of them differs from CommonMark's (`separated`). Code is
    /// found as Ink finds it: a line opening with three or more backticks up to a line
    /// starting with as many, a backtick up to the next one on its line.
    static func prepared(_ markdown: String) -> String {
        var lines: [String] = []
        var fence = 0
        // CRLF is one Character to Swift, so line ends are made plain before lines are split.
        for raw in markdown.replacing("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let run = line.drop { $0 == " " }.prefix { $0 == "`" }.count
            if fence > 0 {
                lines.append(entities(line, code: true))
                if line.prefix(while: { $0 == "`" }).count == fence { fence = 0 }
            } else if run >= 3 {
                fence = run
                lines.append(entities(line, code: true))
            } else {
                lines.append(inlineEntities(line))
            }
        }
        var out = separated(lines.joined(separator: "\n"))
        if out.drop(while: \.isWhitespace).hasPrefix("---") { out = "***" + out.drop(while: \.isWhitespace).drop { $0 == "-" } }
        return out
    }

    /// One line outside fenced code: code spans as code, backslashes as entities.
    static func inlineEntities(_ line: Substring) -> String {
        var out = ""
        var rest = line[...]
        while let first = rest.first {
            if first == "`", let close = rest.dropFirst().firstIndex(of: "`") {
                out += entities(rest[...close], code: true)
                rest = rest[rest.index(after: close)...]
            } else if first == "\\", let next = rest.dropFirst().first {
                // CommonMark escapes ASCII punctuation only; a backslash before anything else is
                // itself (at the end of a line it is a hard break, which Ink reads).
                let escapes = next.isASCII && (next.isPunctuation || next.isSymbol)
                out += escapes ? "&#\(next.asciiValue ?? 0);" : "&#92;"
                rest = rest.dropFirst(escapes ? 2 : 1)
            } else {
                out += entities(rest.prefix(1), code: false)
                rest = rest.dropFirst()
            }
        }
        return out
    }

    /// `&`, `<` and `"` as entities, control characters escaped (their backslash an entity
    /// outside code, where Ink would drop it).
    static func entities(_ text: Substring, code: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case "\"": out += "&quot;"
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if TerminalSafe.isControl(scalar) {
                    out += "&#92;" + TerminalSafe.escape(String(scalar)).dropFirst()
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Where Ink's reading of lines differs from CommonMark's, the lines rearranged so that Ink
    /// reads them as CommonMark does (lines in fenced code are left alone):
    /// - a blank line before a list item that starts a new list but that Ink would join to what
    ///   comes before: one right after a paragraph line, or one whose marker differs from the
    ///   previous item's at the same indentation (`*` after `-`, `1.` after `*`);
    /// - a paragraph's line that Ink would take as the start of a block (one starting with a
    ///   code span, `#word` or `-word`) joined to the line before, as the paragraph's soft
    ///   line break is shown anyway.
    static func separated(_ text: String) -> String {
        var lines: [String] = []
        var markers: [Int: Character] = [:]
        var previousIsParagraph = false, previousIsItem = false
        var inFence = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            let trimmed = line.dropFirst(indent)
            if trimmed.hasPrefix("```") { inFence.toggle() }
            if inFence || trimmed.hasPrefix("```") {
                lines.append(String(line))
                (previousIsParagraph, previousIsItem) = (false, false)
                continue
            }
            let blank = trimmed.allSatisfy(\.isWhitespace)
            let marker = listMarker(trimmed)
            if let marker {
                // Of ordered items, only one numbered 1 interrupts a paragraph (CommonMark).
                let interrupts = previousIsParagraph && indent < 2 && ("-*+".contains(marker) || trimmed.prefix { $0.isNumber } == "1")
                if interrupts || (markers[indent].map { $0 != marker } ?? false) { lines.append("") }
                markers = markers.filter { $0.key < indent }
                markers[indent] = marker
            } else if blank || indent == 0 {
                markers = [:]
            }
            if previousIsParagraph, marker == nil, let first = trimmed.first, first == "`" || first == "#" || first == "-",
               first == "`" || trimmed.dropFirst().first.map({ !$0.isWhitespace && $0 != first }) ?? false {
                lines[lines.count - 1] += " " + trimmed
                continue
            }
            lines.append(String(line))
            previousIsItem = marker != nil || (previousIsItem && !blank && indent > 0)
            previousIsParagraph = !blank && !previousIsItem && !"#|>".contains(trimmed.first ?? " ")
        }
        return lines.joined(separator: "\n")
    }

    /// `-`, `*` or `+`, or `.` or `)` after digits, when the line is a list item.
    static func listMarker(_ line: Substring) -> Character? {
        guard let first = line.first else { return nil }
        if "-*+".contains(first) { return line.dropFirst().first == " " ? first : nil }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard let delimiter = rest.first, delimiter == "." || delimiter == ")", rest.dropFirst().first == " " else { return nil }
        return delimiter
    }

    /// Whether Ink would read the line as a block (heading, quote, list, fence, table, rule).
    static func startsBlock(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        if "#>|".contains(first) || text.hasPrefix("```") { return true }
        if "-*+".contains(first) { return text.dropFirst().first.map { $0 == " " || $0 == first } ?? true }
        if first.isNumber {
            let rest = text.drop { $0.isNumber }
            return rest.first == "." || rest.first == ")"
        }
        return false
    }

    private static func parser() -> MarkdownParser {
        MarkdownParser(modifiers: [
            Modifier(target: .html) { html, markdown in ReportHTML.escape(String(markdown)) },
            Modifier(target: .inlineCode) { html, _ in html.replacing("&amp;", with: "&") },
            Modifier(target: .codeBlocks) { html, _ in html.replacing("&amp;", with: "&") },
            Modifier(target: .links) { html, _ in link(html) },
            Modifier(target: .images) { html, _ in image(html) },
        ])
    }

    /// Ink's `<a href="TARGET">TEXT</a>`, TARGET holding no `"` (prepared away): a safe link
    /// or the text alone.
    static func link(_ html: String) -> String {
        let open = "<a href=\"", close = "</a>"
        guard html.hasPrefix(open), html.hasSuffix(close), let end = html.range(of: "\">") else { return ReportHTML.escape(html) }
        let target = String(html[html.index(html.startIndex, offsetBy: open.count)..<end.lowerBound])
        let text = String(html[end.upperBound..<html.index(html.endIndex, offsetBy: -close.count)])
        return ReportHTML.link(text, decoded(target))
    }

    /// Ink's `<img src="TARGET" alt="TEXT"/>`: a link to the image (the page loads nothing from
    /// elsewhere), or its text alone.
    static func image(_ html: String) -> String {
        let open = "<img src=\""
        guard html.hasPrefix(open) else { return ReportHTML.escape(html) }
        let rest = html.dropFirst(open.count)
        guard let end = rest.firstIndex(of: "\"") else { return ReportHTML.escape(html) }
        let target = String(rest[..<end])
        var text = "image"
        if let alt = rest.range(of: " alt=\""), html.hasSuffix("\"/>") {
            text = String(rest[alt.upperBound..<rest.index(rest.endIndex, offsetBy: -3)])
        }
        return ReportHTML.link(text, decoded(target))
    }

    /// The target as written (the entities `prepared` made turned back), without a title
    /// after it (`(https://… "title")`: a destination holds no space).
    private static func decoded(_ target: String) -> String {
        var written = ""
        var rest = target[...]
        while let amp = rest.firstIndex(of: "&") {
            written += rest[..<amp]
            let tail = rest[amp...]
            if let semicolon = tail.prefix(8).firstIndex(of: ";"), let character = entity(tail[tail.index(after: amp)..<semicolon]) {
                written.append(character)
                rest = tail[tail.index(after: semicolon)...]
            } else {
                written += "&"
                rest = tail.dropFirst()
            }
        }
        written += rest
        return String(written.trimmingWhitespace.split(separator: " ", maxSplits: 1).first ?? "")
    }

    /// The character of an entity `prepared` makes: `amp`, `lt`, `quot` or `#N` (ASCII).
    private static func entity(_ name: Substring) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "quot": return "\""
        default:
            guard name.first == "#", let code = UInt8(name.dropFirst()), code < 0x80 else { return nil }
            return Character(Unicode.Scalar(code))
        }
    }
}
