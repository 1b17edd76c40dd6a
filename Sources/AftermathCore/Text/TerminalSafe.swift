/// Escapes control characters so that text from documents (values, file names) cannot move
/// the cursor, change colours or rewrite the title of the terminal that reads hook output.
public enum TerminalSafe {
    public static func escape(_ text: String) -> String {
        // Printable ASCII, by far the common case, is checked byte by byte.
        if isPrintableASCII(text) { return text }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += scalar == "\t" ? "\\t" : "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether every byte is printable ASCII: then the text is shown as it is, one column a
    /// byte. Read in place (a listing checks every cell of tens of thousands of rows).
    public static func isPrintableASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
    }

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value)
            || [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069].contains(s.value)
    }
}
