/// User text (titles, names, references) placed in Markdown output: shown as the text it is.
/// Control characters are escaped as in the terminal, `<` becomes `&lt;` (no tag or autolink
/// can start), and the characters that open Markdown's inline constructs (code, emphasis,
/// links, strikethrough) are backslash-escaped.
public enum MarkdownText {
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: isSpecial) else { return TerminalSafe.escape(text) }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        // One pass, so the backslashes of escaped control characters are not escaped again.
        for scalar in text.unicodeScalars {
            if scalar == "<" {
                out += "&lt;"
            } else if scalar.isASCII, isSpecial(UInt8(scalar.value)) {
                out += "\\"
                out.unicodeScalars.append(scalar)
            } else if TerminalSafe.isControl(scalar) {
                out += TerminalSafe.escape(String(scalar))
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// As `escape`, for a table cell: `|` cannot end the cell, a line break cannot end the row.
    public static func cell(_ text: String) -> String {
        let escaped = escape(text)
        guard escaped.utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 == 0x0A }) else { return escaped }
        return escaped.replacing("|", with: "\\|").replacing("\n", with: " ")
    }

    /// `\`, `` ` ``, `*`, `_`, `[`, `]`, `~` and `<`: a switch, since every byte of every cell
    /// of a large report is checked.
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "~"), UInt8(ascii: "<"): return true
        default: return false
        }
    }
}
