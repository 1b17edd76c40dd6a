/// A report as a list of blocks, rendered to Markdown or to one self-contained HTML page.
/// Building the content once keeps the two formats from drifting apart.
public struct ReportDocument: Sendable {
    public struct Cell: Sendable {
        /// What a cell shows, parts separated by commas.
        public enum Part: Sendable {
            case text(ReportText)
            /// A link when `target` is one `SafeLink` accepts, else the text alone.
            case link(String, target: String?)
        }

        public var parts: [Part]
        public var emphasis: Bool

        public init(_ text: String, link: String? = nil, emphasis: Bool = false) {
            parts = [link.map { .link(text, target: $0) } ?? .text(.plain(text))]
            self.emphasis = emphasis
        }

        /// Markdown written in a document's body (a timeline entry), rendered.
        public init(markdown: String) {
            parts = [.text(.markdown(markdown))]
            emphasis = false
        }

        /// One link per bug (its reference alone where it has no safe target).
        public init(bugs: [BugLink]) {
            parts = bugs.map { .link($0.label, target: $0.url) }
            emphasis = false
        }

        /// The text shown, without markup (for the HTML renderer's choice of wrapping).
        var plainText: String {
            parts.map { part in
                switch part {
                case .text(.plain(let s)), .text(.markdown(let s)), .link(let s, _): return s
                }
            }.joined(separator: ", ")
        }
    }

    public enum Block: Sendable {
        case heading(Int, String)
        case paragraph(String)
        case bullets([String])
        case table(caption: ReportText?, headers: [String], rows: [[Cell]])
        /// An inline SVG chart (HTML only; Markdown shows its caption and the data table that follows).
        case chart(caption: String, svg: String)
        case preformatted(String)
        /// A section of a document's body: its paragraphs, lists, code and links kept.
        case markdown(String)
    }

    public var title: String
    public var blocks: [Block] = []

    public init(title: String) { self.title = title }

    public mutating func add(_ block: Block) { blocks.append(block) }
}

public enum ReportMarkdown {
    public static func render(_ report: ReportDocument) -> String {
        var out = "# \(escape(report.title))\n"
        for block in report.blocks {
            out += "\n"
            switch block {
            case .heading(let level, let text): out += String(repeating: "#", count: min(6, level + 1)) + " \(escape(text))\n"
            case .paragraph(let text): out += escape(text) + "\n"
            case .bullets(let items): out += items.map { "- \(escape($0))\n" }.joined()
            case .table(let caption, let headers, let rows):
                if let caption { out += "*\(text(caption))*\n\n" }
                if rows.isEmpty { out += "_None._\n"; continue }
                out += "| " + headers.map(MarkdownText.cell).joined(separator: " | ") + " |\n"
                out += "|" + headers.map { _ in "---" }.joined(separator: "|") + "|\n"
                for row in rows { out += "| " + row.map(render).joined(separator: " | ") + " |\n" }
            case .chart(let caption, _): out += "*\(escape(caption)) (chart in the HTML report)*\n"
            case .preformatted(let text): out += "```\n\(TerminalSafe.escape(text).replacing("```", with: "` ` `"))\n```\n"
            case .markdown(let text): out += BodyMarkdown.block(text) + "\n"
            }
        }
        return out
    }

    static func render(_ c: ReportDocument.Cell) -> String {
        let text = c.parts.map { part in
            switch part {
            case .text(.plain(let s)): return MarkdownText.cell(s)
            case .text(.markdown(let m)): return BodyMarkdown.inline(m).replacing("|", with: "\\|")
            case .link(let s, let target): return link(MarkdownText.cell(s), target)
            }
        }.joined(separator: ", ")
        return c.emphasis ? "**\(text)**" : text
    }

    /// `[text](target)` when the target is safe, else the text alone.
    static func link(_ text: String, _ target: String?) -> String {
        guard let safe = target.flatMap(SafeLink.init) else { return text }
        return "[\(text)](\(safe.target))"
    }

    static func text(_ text: ReportText) -> String {
        switch text {
        case .plain(let s): return escape(s)
        case .markdown(let m): return BodyMarkdown.inline(m)
        }
    }

    /// Plain text in Markdown: shown as the text it is.
    static func escape(_ s: String) -> String { MarkdownText.escape(s) }
}

public enum ReportHTML {
    public static func render(_ report: ReportDocument, generated: String) -> String {
        var body = ""
        for block in report.blocks {
            switch block {
            case .heading(let level, let text): body += "<h\(min(6, level + 1))>\(escape(text))</h\(min(6, level + 1))>\n"
            case .paragraph(let text): body += "<p>\(escape(text))</p>\n"
            case .bullets(let items): body += "<ul>" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n"
            case .table(let caption, let headers, let rows):
                body += "<div class=\"scroll\"><table>"
                if let caption { body += "<caption>\(text(caption))</caption>" }
                body += "<thead><tr>" + headers.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
                if rows.isEmpty { body += "<tr><td colspan=\"\(headers.count)\">None.</td></tr>" }
                for row in rows { body += "<tr>" + row.map(render).joined() + "</tr>" }
                body += "</tbody></table></div>\n"
            case .chart(let caption, let svg): body += "<figure>\(svg)<figcaption>\(escape(caption))</figcaption></figure>\n"
            case .preformatted(let text): body += "<pre>\(escape(text))</pre>\n"
            case .markdown(let text): body += MarkdownHTML.block(text) + "\n"
            }
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <title>\(escape(report.title))</title>
        <style>\(stylesheet)</style>
        </head>
        <body>
        <header><h1>\(escape(report.title))</h1><p class="meta">Generated by aftermath on \(escape(generated))</p></header>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    /// Cells keep to one line (dates and IDs never break at their hyphens); text of several
    /// words longer than `wrapsAfter` (titles, timeline entries) may wrap.
    static func render(_ c: ReportDocument.Cell) -> String {
        let text = c.parts.map { part in
            switch part {
            case .text(.plain(let s)): return escape(s)
            case .text(.markdown(let m)): return MarkdownHTML.inline(m)
            case .link(let s, let target): return link(escape(s), target)
            }
        }.joined(separator: ", ")
        let classes = (c.emphasis ? ["flag"] : []) + (wraps(c.plainText) ? ["wrap"] : [])
        let attribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
        return c.emphasis ? "<td\(attribute)><strong>\(text)</strong></td>" : "<td\(attribute)>\(text)</td>"
    }

    static let wrapsAfter = 24

    static func wraps(_ text: String) -> Bool { text.utf8.count > wrapsAfter && text.contains(" ") }

    /// `<a href="target">html</a>` when the target is safe, else the HTML alone.
    static func link(_ html: String, _ target: String?) -> String {
        guard let safe = target.flatMap(SafeLink.init) else { return html }
        return "<a href=\"\(escape(safe.target))\">\(html)</a>"
    }

    static func text(_ text: ReportText) -> String {
        switch text {
        case .plain(let s): return escape(s)
        case .markdown(let m): return MarkdownHTML.inline(m)
        }
    }

    public static func escape(_ s: String) -> String {
        let text = TerminalSafe.escape(s)
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }  // & < > " '
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let stylesheet = """
    :root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--muted:#57606a;--line:#d0d7de;--accent:#0969da;--bad:#cf222e}
    @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#30363d;--accent:#4493f8;--bad:#f85149}}
    body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:72rem;padding:1rem}
    h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid var(--line)}h3{font-size:1.05rem}
    .meta,caption,figcaption{color:var(--muted);font-size:.9rem}caption{text-align:left;padding:.3rem 0}
    .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;margin:.5rem 0}
    th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
    th,td{white-space:nowrap}td.wrap{white-space:normal}td:first-child,td a{white-space:nowrap}th{font-weight:600}td.flag{color:var(--bad)}a{color:var(--accent)}
    figure{margin:1rem 0}svg{max-width:100%;height:auto}pre{white-space:pre-wrap;overflow-wrap:anywhere}code{font-size:.9em}
    @media (max-width:40rem){body{font-size:14px;padding:.5rem}th,td{padding:.25rem .3rem}}
    @media print{body{max-width:none;color:#000;background:#fff}a{color:#000}.scroll{overflow:visible}h2{break-after:avoid}tr{break-inside:avoid}}
    """
}
