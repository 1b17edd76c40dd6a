/// A report as a list of blocks, rendered to Markdown or to one self-contained HTML page.
/// Building the content once keeps the two formats from drifting apart.
public struct ReportDocument: Sendable {
    public struct Cell: Sendable {
        public var text: String
        public var link: String?
        public var emphasis: Bool

        public init(_ text: String, link: String? = nil, emphasis: Bool = false) {
            self.text = text
            self.link = link
            self.emphasis = emphasis
        }
    }

    public enum Block: Sendable {
        case heading(Int, String)
        case paragraph(String)
        case bullets([String])
        case table(caption: String?, headers: [String], rows: [[Cell]])
        /// An inline SVG chart (HTML only; Markdown shows its caption and the data table that follows).
        case chart(caption: String, svg: String)
        case preformatted(String)
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
                if let caption { out += "*\(escape(caption))*\n\n" }
                if rows.isEmpty { out += "_None._\n"; continue }
                out += "| " + headers.map(cell).joined(separator: " | ") + " |\n"
                out += "|" + headers.map { _ in "---" }.joined(separator: "|") + "|\n"
                for row in rows { out += "| " + row.map(render).joined(separator: " | ") + " |\n" }
            case .chart(let caption, _): out += "*\(escape(caption)) (chart in the HTML report)*\n"
            case .preformatted(let text): out += "```\n\(TerminalSafe.escape(text).replacing("```", with: "` ` `"))\n```\n"
            }
        }
        return out
    }

    static func render(_ c: ReportDocument.Cell) -> String {
        var text = cell(c.text)
        if let link = c.link { text = "[\(text)](\(destination(link)))" }
        return c.emphasis ? "**\(text)**" : text
    }

    /// A link's destination with what would end it (`)`, a space) percent-encoded.
    static func destination(_ link: String) -> String { replacing(link, linkEnds) }

    static func cell(_ s: String) -> String { replacing(escape(s), cellBreaks) }

    /// Markdown from document text: control characters escaped, HTML tags neutralised.
    static func escape(_ s: String) -> String { replacing(TerminalSafe.escape(s), tags) }

    private static let linkEnds: [(Unicode.Scalar, String)] = [(")", "%29"), (" ", "%20")]
    private static let cellBreaks: [(Unicode.Scalar, String)] = [("|", "\\|"), ("\n", " ")]
    private static let tags: [(Unicode.Scalar, String)] = [("<", "&lt;")]

    /// `text` with each ASCII character replaced by its text. Most cells and links hold none of
    /// them: a byte check spares a search-and-replace on each of many thousands.
    private static func replacing(_ text: String, _ pairs: [(Unicode.Scalar, String)]) -> String {
        guard text.utf8.contains(where: { byte in pairs.contains { UInt8($0.0.value) == byte } }) else { return text }
        return pairs.reduce(text) { $0.replacing(String($1.0), with: $1.1) }
    }
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
                if let caption { body += "<caption>\(escape(caption))</caption>" }
                body += "<thead><tr>" + headers.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
                if rows.isEmpty { body += "<tr><td colspan=\"\(headers.count)\">None.</td></tr>" }
                for row in rows { body += "<tr>" + row.map(render).joined() + "</tr>" }
                body += "</tbody></table></div>\n"
            case .chart(let caption, let svg): body += "<figure>\(svg)<figcaption>\(escape(caption))</figcaption></figure>\n"
            case .preformatted(let text): body += "<pre>\(escape(text))</pre>\n"
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

    static func render(_ c: ReportDocument.Cell) -> String {
        var text = escape(c.text)
        if let link = c.link, link.hasPrefix("https://") || link.hasPrefix("http://") { text = "<a href=\"\(escape(link))\">\(text)</a>" }
        return c.emphasis ? "<td class=\"flag\"><strong>\(text)</strong></td>" : "<td>\(text)</td>"
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
    th,td:first-child{white-space:nowrap}th{font-weight:600}td.flag{color:var(--bad)}a{color:var(--accent)}
    figure{margin:1rem 0}svg{max-width:100%;height:auto}pre{white-space:pre-wrap;overflow-wrap:anywhere}
    @media (max-width:40rem){body{font-size:14px;padding:.5rem}th,td{padding:.25rem .3rem}}
    @media print{body{max-width:none;color:#000;background:#fff}a{color:#000}.scroll{overflow:visible}h2{break-after:avoid}tr{break-inside:avoid}}
    """
}
