/// A strict JSON (RFC 8259) reader producing `Node`s with line and column positions, used for
/// schema files so that a broken schema is reported at its own line.
public struct JSONReader {
    private let b: [UInt8]
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private let maxDepth: Int

    public static func read(_ bytes: [UInt8], maxDepth: Int = 64) -> Result<Node, ParseProblem> {
        var reader = JSONReader(b: bytes, maxDepth: maxDepth)
        do {
            reader.skipSpace()
            let node = try reader.value(depth: 0)
            reader.skipSpace()
            guard reader.i == bytes.count else { throw reader.fail("unexpected text after the JSON value") }
            return .success(node)
        } catch let problem as ParseProblem {
            return .failure(problem)
        } catch {
            return .failure(ParseProblem(RuleID.yamlSyntax, at: .fileStart, "invalid JSON"))
        }
    }

    private init(b: [UInt8], maxDepth: Int) {
        self.b = b
        self.maxDepth = maxDepth
    }

    /// A position on the current line whose column is known: columns are counted on from the
    /// last one asked for, not from the line's start, or a file on one long line (a generated
    /// schema) would cost its length for every value in it.
    private var columnMark = (offset: 0, column: 1)

    private var here: SourceLocation {
        mutating get {
            if columnMark.offset < lineStart || columnMark.offset > i { columnMark = (lineStart, 1) }
            var column = columnMark.column
            // Continuation bytes do not start a new scalar.
            for byte in b[columnMark.offset..<i] where byte & 0xC0 != 0x80 { column += 1 }
            columnMark = (i, column)
            return SourceLocation(line: line, column: column)
        }
    }

    private mutating func fail(_ message: String) -> ParseProblem {
        ParseProblem(RuleID.yamlSyntax, at: here, "JSON syntax error: \(message)")
    }

    private mutating func skipSpace() {
        while i < b.count {
            switch b[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A: i += 1; line += 1; lineStart = i
            default: return
            }
        }
    }

    private mutating func expect(_ literal: String, _ value: Node.Value, at start: SourceLocation) throws -> Node {
        let bytes = Array(literal.utf8)
        guard b.count - i >= bytes.count, Array(b[i..<(i + bytes.count)]) == bytes else { throw fail("unexpected character") }
        i += bytes.count
        return Node(value, at: start)
    }

    private mutating func value(depth: Int) throws -> Node {
        guard depth < maxDepth else { throw fail("nesting deeper than \(maxDepth) levels") }
        guard i < b.count else { throw fail("unexpected end of input") }
        let start = here
        switch b[i] {
        case UInt8(ascii: "{"):
            i += 1
            var entries: [Node.Entry] = []
            // Equal as `==` compares them, as a scan of the entries would find.
            var keys: Set<String> = []
            skipSpace()
            if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return Node(.object(entries), at: start) }
            while true {
                skipSpace()
                let keyLocation = here
                guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw fail("expected a string key") }
                let key = try string()
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { throw fail("expected `:`") }
                i += 1
                skipSpace()
                let v = try value(depth: depth + 1)
                if !keys.insert(key).inserted {
                    throw ParseProblem(RuleID.duplicateKey, at: keyLocation, "duplicate key `\(key)`")
                }
                entries.append(Node.Entry(key: key, keyLocation: keyLocation, value: v))
                skipSpace()
                guard i < b.count else { throw fail("unexpected end of input") }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                guard b[i] == UInt8(ascii: "}") else { throw fail("expected `,` or `}`") }
                i += 1
                return Node(.object(entries), at: start)
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [Node] = []
            skipSpace()
            if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return Node(.array(items), at: start) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard i < b.count else { throw fail("unexpected end of input") }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                guard b[i] == UInt8(ascii: "]") else { throw fail("expected `,` or `]`") }
                i += 1
                return Node(.array(items), at: start)
            }
        case UInt8(ascii: "\""): return Node(.string(try string()), at: start)
        case UInt8(ascii: "t"): return try expect("true", .bool(true), at: start)
        case UInt8(ascii: "f"): return try expect("false", .bool(false), at: start)
        case UInt8(ascii: "n"): return try expect("null", .null, at: start)
        default: return Node(try number(), at: start)
        }
    }

    private mutating func number() throws -> Node.Value {
        let start = i
        var isInteger = true
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        let digitsStart = i
        while i < b.count, ASCII.isDigit(b[i]) { i += 1 }
        guard i > digitsStart else { throw fail("unexpected character") }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            let fracStart = i
            while i < b.count, ASCII.isDigit(b[i]) { i += 1 }
            guard i > fracStart else { throw fail("digits expected after `.`") }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            isInteger = false
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            let expStart = i
            while i < b.count, ASCII.isDigit(b[i]) { i += 1 }
            guard i > expStart else { throw fail("digits expected in exponent") }
        }
        let text = String(decoding: b[start..<i], as: UTF8.self)
        if isInteger, let v = Int(text) { return .integer(v) }
        guard let d = Double(text) else { throw fail("invalid number") }
        return .number(d)
    }

    private mutating func string() throws -> String {
        i += 1
        var out: [UInt8] = []
        while i < b.count {
            let c = b[i]
            switch c {
            case UInt8(ascii: "\""):
                i += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw fail("invalid UTF-8 in string") }
                return s
            case UInt8(ascii: "\\"):
                guard i + 1 < b.count else { throw fail("unterminated string") }
                i += 1
                switch b[i] {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar), i + 2 < b.count, b[i + 1] == UInt8(ascii: "\\"), b[i + 2] == UInt8(ascii: "u") {
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("invalid surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default: throw fail("invalid escape")
                }
                i += 1
            case 0..<0x20: throw fail("control character in string")
            default:
                out.append(c)
                i += 1
            }
        }
        throw fail("unterminated string")
    }

    /// Reads the 4 hex digits after `\u`, leaving `i` on the last digit.
    private mutating func hex4() throws -> UInt32 {
        guard i + 4 < b.count, let v = UInt32(String(decoding: b[(i + 1)...(i + 4)], as: UTF8.self), radix: 16) else {
            throw fail("invalid \\u escape")
        }
        i += 4
        return v
    }
}
