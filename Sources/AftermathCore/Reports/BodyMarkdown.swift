/// Markdown from a document's body passed on in Markdown output as it was written (lists, code,
/// emphasis and links keep their structure), less what must not pass: control characters are
/// escaped (tabs kept), `<` outside code becomes `&lt;` (no raw HTML; autolinks to safe
/// targets stay), and a link, image or reference definition whose target `SafeLink` refuses
/// loses its link syntax and shows as text.
enum BodyMarkdown {
    static func block(_ text: String) -> String {
        var out: [String] = []
        var fence: (marker: Character, count: Int)?
        // CRLF is one Character to Swift, so line ends are made plain before lines are split.
        for raw in text.replacing("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            let indent = line.prefix { $0 == " " }.count
            let trimmed = line.dropFirst(indent)
            if let open = fence {
                out.append(printable(line))
                let run = trimmed.prefix { $0 == open.marker }.count
                if run >= open.count, trimmed.dropFirst(run).allSatisfy(\.isWhitespace) { fence = nil }
                continue
            }
            if indent < 4, let marker = trimmed.first, marker == "`" || marker == "~" {
                let run = trimmed.prefix { $0 == marker }.count
                if run >= 3, marker == "~" || !trimmed.dropFirst(run).contains("`") {
                    fence = (marker, run)
                    out.append(printable(line))
                    continue
                }
            }
            if indent < 4, trimmed.first == "[", let definition = trimmed.range(of: "]:") {
                let target = trimmed[definition.upperBound...].trimmingPrefix(while: \.isWhitespace).prefix { !$0.isWhitespace }
                if SafeLink(String(target.hasPrefix("<") ? target.dropFirst().prefix { $0 != ">" } : target)) == nil {
                    out.append(String(repeating: " ", count: indent) + "\\" + inline(String(trimmed)))
                    continue
                }
            }
            out.append(inline(line))
        }
        return out.joined(separator: "\n")
    }

    /// One line outside code blocks: code spans as written, `<` escaped unless it opens a safe
    /// autolink, `](` kept only before a safe target.
    static func inline(_ line: String) -> String {
        let chars = Array(line)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\":
                out += printable(String(chars[i..<min(i + 2, chars.count)]))
                i += 2
            case "`":
                let run = chars[i...].prefix { $0 == "`" }.count
                var j = i + run, end: Int?
                while j < chars.count {
                    let closing = chars[j...].prefix { $0 == "`" }.count
                    if closing == run { end = j + closing; break }
                    j += max(1, closing)
                }
                let stop = end ?? i + run
                out += printable(String(chars[i..<stop]))
                i = stop
            case "<":
                if let close = chars[i...].firstIndex(of: ">"), close > i + 1 {
                    let inside = String(chars[(i + 1)..<close])
                    if !inside.contains(where: { $0.isWhitespace || $0 == "<" }), SafeLink(inside) != nil {
                        out += "<" + printable(inside) + ">"
                        i = close + 1
                        continue
                    }
                }
                out += "&lt;"
                i += 1
            case "]" where i + 1 < chars.count && chars[i + 1] == "(":
                let rest = chars[(i + 2)...].drop { $0 == " " }
                let target = rest.first == "<" ? String(rest.dropFirst().prefix { $0 != ">" }) : String(destination(rest))
                out += SafeLink(target) == nil ? "]\\(" : "]("
                i += 2
            default:
                out += printable(String(c))
                i += 1
            }
        }
        return out
    }

    /// A link destination: up to a space, or the `)` that closes the link (parentheses inside
    /// balanced).
    private static func destination(_ text: ArraySlice<Character>) -> ArraySlice<Character> {
        var depth = 0
        for k in text.indices {
            switch text[k] {
            case "(": depth += 1
            case ")" where depth == 0: return text[..<k]
            case ")": depth -= 1
            case let c where c.isWhitespace: return text[..<k]
            default: break
            }
        }
        return text
    }

    /// Control characters escaped as in the terminal, tabs kept (they indent code).
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { TerminalSafe.isControl($0) && $0 != "\t" }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if TerminalSafe.isControl(scalar) && scalar != "\t" { out += TerminalSafe.escape(String(scalar)) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
