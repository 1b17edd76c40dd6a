/// Writing YAML values so that they read back as the same strings under the core schema.
public enum YAMLScalar {
    public enum Quote: Sendable { case plain, single, double }

    static func render(_ value: FieldChange.NewValue, preferring style: Quote = .plain) -> String {
        switch value {
        case .scalar(let s): return scalar(s, preferring: style)
        case .boolean(let b): return b ? "true" : "false"
        case .list(let items): return "[" + items.map { scalar($0, preferring: .plain, inFlow: true) }.joined(separator: ", ") + "]"
        case .remove: return ""
        }
    }

    public static func scalar(_ s: String, preferring style: Quote, inFlow: Bool = false) -> String {
        switch style {
        case .double: return doubleQuoted(s)
        case .single: return s.unicodeScalars.contains(where: { $0.value < 0x20 }) ? doubleQuoted(s) : singleQuoted(s)
        case .plain: return isSafePlain(s, inFlow: inFlow) ? s : (s.unicodeScalars.contains(where: { $0.value < 0x20 }) ? doubleQuoted(s) : singleQuoted(s))
        }
    }

    static func singleQuoted(_ s: String) -> String { "'" + s.replacing("'", with: "''") + "'" }

    static func doubleQuoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count == 1 ? "0" : "") + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A plain scalar is safe when it reads back as this exact string.
    static func isSafePlain(_ s: String, inFlow: Bool) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if " \t".unicodeScalars.contains(first) || " \t".unicodeScalars.contains(last) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
            // `-`, `?` and `:` may start a plain scalar when followed by a non-space.
            guard "-?:".unicodeScalars.contains(first), s.unicodeScalars.count > 1,
                  s.unicodeScalars.dropFirst().first != " " else { return false }
        }
        if s.contains(": ") || s.contains(" #") || s.hasSuffix(":") { return false }
        if inFlow && s.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        if s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return false }
        guard case .value(.string(let back)) = CoreSchemaScalar.resolve(s), back == s else { return false }
        return true
    }

    /// The end (exclusive, in scalars) of the value starting at `start` on one line: after a
    /// closing quote or bracket, or before a ` #` comment or trailing blanks and line break.
    static func endOfInlineValue(_ line: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start
        guard i < line.count else { return start }
        switch line[i] {
        case "'":
            i += 1
            while i < line.count {
                if line[i] == "'" {
                    if i + 1 < line.count, line[i + 1] == "'" { i += 2; continue }
                    return i + 1
                }
                i += 1
            }
            return nil
        case "\"":
            i += 1
            while i < line.count {
                if line[i] == "\\" { i += 2; continue }
                if line[i] == "\"" { return i + 1 }
                i += 1
            }
            return nil
        case "[", "{":
            var depth = 0
            var quote: Unicode.Scalar?
            while i < line.count {
                let c = line[i]
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "'" || c == "\"" {
                    quote = c
                } else if c == "[" || c == "{" {
                    depth += 1
                } else if c == "]" || c == "}" {
                    depth -= 1
                    if depth == 0 { return i + 1 }
                }
                i += 1
            }
            return nil
        case "|", ">":
            return nil
        default:
            var end = i
            while i < line.count, line[i] != "\n", line[i] != "\r" {
                if line[i] == "#", i > start, line[i - 1] == " " || line[i - 1] == "\t" { break }
                if line[i] != " " && line[i] != "\t" { end = i + 1 }
                i += 1
            }
            return end
        }
    }
}
