/// A JSON value with ordered keys, written deterministically: reporters and data outputs use
/// it so field order and number formatting never change between runs or platforms.
public indirect enum JSONText: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONText])
    case object([(String, JSONText)])

    public static func optional(_ s: String?) -> JSONText { s.map { .string($0) } ?? .null }

    public func rendered(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(into out: inout String, indent: Int?) {
        let newline = indent != nil ? "\n" : ""
        let pad = { (level: Int) in level < Self.pads.count ? Self.pads[level] : String(repeating: "  ", count: level) }
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? (d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d)) : "null"
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[" + newline
            for (i, item) in items.enumerated() {
                if let indent { out += pad(indent + 1) }
                item.write(into: &out, indent: indent.map { $0 + 1 })
                out += (i < items.count - 1 ? "," : "") + newline
            }
            if let indent { out += pad(indent) }
            out += "]"
        case .object(let entries):
            if entries.isEmpty { out += "{}"; return }
            out += "{" + newline
            for (i, (key, value)) in entries.enumerated() {
                if let indent { out += pad(indent + 1) }
                Self.quote(key, into: &out)
                out += indent != nil ? ": " : ":"
                value.write(into: &out, indent: indent.map { $0 + 1 })
                out += (i < entries.count - 1 ? "," : "") + newline
            }
            if let indent { out += pad(indent) }
            out += "}"
        }
    }

    private static let pads = (0..<16).map { String(repeating: "  ", count: $0) }

    static func quote(_ s: String, into out: inout String) {
        // Printable ASCII without quotes or backslashes, by far the common case, goes as is.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            out += "\""
            out += s
            out += "\""
            return
        }
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // Control characters, and the line and direction controls a terminal showing
                // the JSON would act on: written as `\u` escapes, which every JSON reader decodes.
                if TerminalSafe.isControl(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
