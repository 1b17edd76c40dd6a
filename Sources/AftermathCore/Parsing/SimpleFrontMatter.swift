/// The common shape of front matter read in one pass without libyaml: `key: value` lines,
/// one level of nested mapping (`incident:` and its indented fields), values that are plain
/// scalars, quoted strings without escapes, or one-line flow lists of those — printable ASCII
/// throughout. That is nearly every document, and reading it directly costs a fraction of
/// libyaml's tokens and events.
///
/// It only ever answers for input whose meaning is certain; anything else (other characters,
/// comments, blank or continued lines, block lists, escapes, duplicate keys, values a rule
/// would refuse, more than 32 fields in a mapping or 16 items in a list) answers nil and `FrontMatterReader` reads the file with libyaml, which also
/// reports the problems. Tests hold the two readers to the same trees and positions.
enum SimpleFrontMatter {
    /// The root mapping, or nil when the input is not of the simple shape.
    static func read(_ yaml: UnsafeBufferPointer<UInt8>, firstLine: Int, limits: ParseLimits) -> Node? {
        // The root's fields sit at depth 2, nested fields and list items at 3.
        guard limits.maxDepth >= 3, !yaml.isEmpty else { return nil }
        var reader = LineReader(bytes: yaml, firstLine: firstLine, maxScalarBytes: limits.maxScalarBytes)
        return reader.root()
    }
}

private struct LineReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let firstLine: Int
    let maxScalarBytes: Int
    var i = 0
    var line = 0
    var lineStart = 0

    init(bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, maxScalarBytes: Int) {
        self.bytes = bytes
        self.firstLine = firstLine
        self.maxScalarBytes = maxScalarBytes
    }

    /// libyaml's marks as file positions (columns count characters, here bytes: all ASCII).
    func location(_ offset: Int) -> SourceLocation { SourceLocation(line: line + firstLine, column: offset - lineStart + 1) }

    var atEnd: Bool { i >= bytes.count }
    func byte(_ k: Int) -> UInt8? { k < bytes.count ? bytes[k] : nil }

    mutating func root() -> Node? {
        let start = location(0)
        guard let entries = mapping(indent: 0), !entries.isEmpty, atEnd else { return nil }
        return Node(.object(entries), at: start)
    }

    /// Entries at `indent` spaces, up to the first line indented less.
    mutating func mapping(indent: Int) -> [Node.Entry]? {
        withUnsafeTemporaryAllocation(of: Node.Entry.self, capacity: 32) { scratch in
            var entries = Gathering(scratch)
            defer { entries.discard() }
            while !atEnd {
                let spaces = countSpaces(from: i)
                if spaces < indent { break }
                guard spaces == indent, !entries.isFull else { return nil }
                i += spaces
                guard let entry = entry(indent: indent) else { return nil }
                // Duplicates are reported by the full reader.
                guard !entries.gathered.contains(where: { $0.key == entry.key }) else { return nil }
                entries.append(entry)
            }
            return entries.take()
        }
    }

    func countSpaces(from k: Int) -> Int {
        var n = 0
        while byte(k + n) == 0x20 { n += 1 }
        return n
    }

    /// `key: value` from the key to the start of the next line.
    mutating func entry(indent: Int) -> Node.Entry? {
        let keyStart = i
        guard let first = byte(i), Self.isKeyStart(first) else { return nil }
        i += 1
        while let b = byte(i), Self.isKeyByte(b) { i += 1 }
        guard byte(i) == UInt8(ascii: ":") else { return nil }
        guard i - keyStart <= maxScalarBytes else { return nil }
        let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart..<i]), as: UTF8.self)
        // `null`, `true` and the like are not string keys.
        guard case .value(.string) = CoreSchemaScalar.resolve(key) else { return nil }
        let keyLocation = location(keyStart)
        let colon = i
        i += 1
        var spaces = 0
        while byte(i) == 0x20 { i += 1; spaces += 1 }
        if atEnd || byte(i) == 0x0A {
            // No value on the line: a nested mapping (one level), or an empty value.
            let emptyAt = location(colon + 1)
            guard endLine() else { return nil }
            let nested = countSpaces(from: i)
            if indent == 0 && nested > 0 && !atEnd {
                guard nested == 2 else { return nil }
                let start = location(i + nested)
                guard let entries = mapping(indent: 2), !entries.isEmpty else { return nil }
                return Node.Entry(key: key, keyLocation: keyLocation, value: Node(.object(entries), at: start))
            }
            return Node.Entry(key: key, keyLocation: keyLocation, value: Node(.null, at: emptyAt))
        }
        guard spaces > 0, let value = value() else { return nil }
        while byte(i) == 0x20 { i += 1 }
        guard endLine() else { return nil }
        return Node.Entry(key: key, keyLocation: keyLocation, value: value)
    }

    /// Steps over the line break; false when something else is there.
    mutating func endLine() -> Bool {
        if atEnd { return true }
        guard bytes[i] == 0x0A else { return false }
        i += 1
        line += 1
        lineStart = i
        return true
    }

    mutating func value() -> Node? {
        let start = location(i)
        switch bytes[i] {
        case UInt8(ascii: "["): return list().map { Node(.array($0), at: start) }
        case UInt8(ascii: "'"), UInt8(ascii: "\""): return quoted().map { Node(.string($0), at: start) }
        default: return plain(inList: false).flatMap { Self.resolved($0, at: start) }
        }
    }

    /// `[a, 'b', "c"]` on one line.
    mutating func list() -> [Node]? {
        i += 1
        while byte(i) == 0x20 { i += 1 }
        if byte(i) == UInt8(ascii: "]") {
            i += 1
            return []
        }
        return withUnsafeTemporaryAllocation(of: Node.self, capacity: 16) { scratch in
            var items = Gathering(scratch)
            defer { items.discard() }
            while true {
                guard let b = byte(i), !items.isFull else { return nil }
                let start = location(i)
                if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
                    guard let text = quoted() else { return nil }
                    items.append(Node(.string(text), at: start))
                } else {
                    guard let text = plain(inList: true), let node = Self.resolved(text, at: start) else { return nil }
                    items.append(node)
                }
                while byte(i) == 0x20 { i += 1 }
                switch byte(i) {
                case UInt8(ascii: ","):
                    i += 1
                    while byte(i) == 0x20 { i += 1 }
                case UInt8(ascii: "]"):
                    i += 1
                    return items.take()
                default: return nil
                }
            }
        }
    }

    /// A quoted string on one line with nothing to unescape.
    mutating func quoted() -> String? {
        let quote = bytes[i]
        let start = i + 1
        var k = start
        while let b = byte(k), b != quote {
            guard Self.isPrintable(b), b != UInt8(ascii: "\\") else { return nil }
            k += 1
        }
        guard byte(k) == quote, byte(k + 1) != quote, k - start <= maxScalarBytes else { return nil }
        i = k + 1
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<k]), as: UTF8.self)
    }

    /// A plain scalar: to the end of the line, or of the list item. Trailing spaces are not
    /// part of it.
    mutating func plain(inList: Bool) -> String? {
        let start = i
        guard let first = byte(i), !Self.isIndicator(first) else { return nil }
        var end = i
        while let b = byte(i), b != 0x0A {
            if inList && (b == UInt8(ascii: ",") || b == UInt8(ascii: "]")) { break }
            guard Self.isPrintable(b), b != UInt8(ascii: "#"), b != UInt8(ascii: "["), b != UInt8(ascii: "]"),
                  b != UInt8(ascii: "{"), b != UInt8(ascii: "}") else { return nil }
            // `a:b` is text; `a: b`, `a:` or `a:,` would mean something else.
            if b == UInt8(ascii: ":") {
                guard let next = byte(i + 1), Self.isKeyByte(next) || next == UInt8(ascii: ".") || next == UInt8(ascii: "/") else { return nil }
            }
            i += 1
            if b != 0x20 { end = i }
        }
        guard end > start, end - start <= maxScalarBytes else { return nil }
        i = end
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// A plain scalar's value under YAML's core schema; nil for what the full reader refuses.
    static func resolved(_ text: String, at location: SourceLocation) -> Node? {
        guard case .value(let value) = CoreSchemaScalar.resolve(text) else { return nil }
        return Node(value, at: location)
    }

    static func isKeyStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == UInt8(ascii: "_")
    }

    static func isKeyByte(_ b: UInt8) -> Bool {
        isKeyStart(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-")
    }

    static func isPrintable(_ b: UInt8) -> Bool { b >= 0x20 && b < 0x7F }

    /// Characters that cannot start a plain scalar, or change its meaning there.
    static func isIndicator(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
             UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
             UInt8(ascii: "`"), 0x20:
            return true
        default:
            return !isPrintable(b)
        }
    }
}

/// Values gathered in stack memory, then moved into an array of exactly their number: grown
/// by appending, the array of a document's fields was allocated five times over (1, 2, 4, 8,
/// 16 places), for every document of every run.
private struct Gathering<Element> {
    private let scratch: UnsafeMutableBufferPointer<Element>
    private var count = 0

    init(_ scratch: UnsafeMutableBufferPointer<Element>) { self.scratch = scratch }

    var isFull: Bool { count == scratch.count }
    var gathered: Slice<UnsafeMutableBufferPointer<Element>> { scratch[..<count] }

    mutating func append(_ element: Element) {
        precondition(!isFull)
        (scratch.baseAddress! + count).initialize(to: element)
        count += 1
    }

    /// The values, moved out (none is left to discard). Appended to a reserved array rather
    /// than moved into `Array(unsafeUninitializedCapacity:)`, which looks up the array's type
    /// in the runtime's locked table on every call, where threads contend for it.
    mutating func take() -> [Element] {
        var taken: [Element] = []
        taken.reserveCapacity(count)
        for k in 0..<count { taken.append((scratch.baseAddress! + k).move()) }
        count = 0
        return taken
    }

    /// Ends the values' lives (when the input turned out not to be of the simple shape).
    mutating func discard() {
        if count > 0 { scratch.baseAddress!.deinitialize(count: count) }
        count = 0
    }
}
