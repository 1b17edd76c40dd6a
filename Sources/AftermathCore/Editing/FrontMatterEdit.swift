/// One change to a document's top-level front-matter field.
public struct FieldChange: Sendable, Equatable {
    public enum NewValue: Sendable, Equatable {
        case scalar(String)
        case boolean(Bool)
        case list([String])
        /// Removes the field.
        case remove
    }

    public var key: String
    public var value: NewValue

    public init(_ key: String, _ value: NewValue) {
        self.key = key
        self.value = value
    }
}

/// A step from a node to one inside it: a field of a mapping or an item of a list.
public enum NodePathStep: Sendable, Equatable {
    case key(String)
    case item(Int)
}

public enum EditError: Error, Equatable, Sendable, CustomStringConvertible {
    case notADocument(String)
    case unsupportedLayout(String)

    public var description: String {
        switch self {
        case .notADocument(let m), .unsupportedLayout(let m): return m
        }
    }
}

/// Rewrites only the lines of the fields it changes or adds. Comments, key order, quoting of
/// untouched fields, line endings and the Markdown body stay byte-for-byte. Pure: text in,
/// text out; the caller writes the file.
public enum FrontMatterEditor {
    public static func apply(_ changes: [FieldChange], to original: [UInt8]) throws -> [UInt8] {
        let file = try EditableFile(original)
        let entries = file.entries, newline = file.newline, closingIndex = file.closingIndex
        var lines = file.lines

        // Work from the bottom up so earlier line numbers stay valid.
        var insertions: [[UInt8]] = []
        var replacements: [(range: Range<Int>, lines: [[UInt8]])] = []
        for change in changes {
            if let entry = entries.first(where: { $0.key == change.key }) {
                let range = try valueLines(of: entry, entries: entries, lines: lines, closingIndex: closingIndex)
                let keyLineIndex = entry.keyLocation.line - 1
                switch change.value {
                case .remove:
                    replacements.append((range, []))
                case .scalar, .boolean, .list:
                    let rendered: [UInt8]
                    if range.count == 1, entry.value.location.line == entry.keyLocation.line,
                       let sameLine = replaceInline(lines[keyLineIndex], entry: entry, with: change.value) {
                        rendered = sameLine
                    } else {
                        let indent = Array(repeating: UInt8(ascii: " "), count: entry.keyLocation.column - 1)
                        rendered = indent + Array("\(change.key): \(YAMLScalar.render(change.value))".utf8) + newline
                    }
                    replacements.append((range, [rendered]))
                }
            } else if change.value != .remove {
                insertions.append(Array("\(change.key): \(YAMLScalar.render(change.value))".utf8) + newline)
            }
        }
        for replacement in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            lines.replaceSubrange(replacement.range, with: replacement.lines)
        }
        let shift = replacements.reduce(0) { $0 + $1.lines.count - $1.range.count }
        lines.insert(contentsOf: insertions, at: closingIndex + shift)
        return file.bytes(lines)
    }

    /// A document's lines with its front matter read, ready for a line-by-line rewrite.
    struct EditableFile {
        var root: Node
        var entries: [Node.Entry]
        /// The file's lines (each with its line ending), a byte order mark taken off.
        var lines: [[UInt8]]
        var newline: [UInt8]
        /// The 0-based index of the closing `---` line.
        var closingIndex: Int
        var hasBOM: Bool

        init(_ original: [UInt8]) throws {
            guard case .success(let framed) = DocumentFramer.frame(original, limits: ParseLimits(maxFileBytes: .max, maxFrontMatterBytes: .max)) else {
                throw EditError.notADocument("the file is not a readable document")
            }
            let output = FrontMatterReader.read(framed.frontMatter, firstLine: framed.frontMatterFirstLine)
            guard output.problems.isEmpty, let root = output.root, let entries = root.objectEntries else {
                throw EditError.notADocument("the front matter has errors; fix them before editing with aftermath")
            }
            // YAML counts a lone CR as a line break, a line-by-line rewrite does not: the two
            // would disagree on which line holds a field (found by fuzzing), so refuse.
            let front = Array(framed.frontMatter)
            if front.indices.contains(where: { front[$0] == 0x0D && ($0 + 1 == front.count || front[$0 + 1] != 0x0A) }) {
                throw EditError.unsupportedLayout("the front matter uses lone carriage returns as line breaks; save it with LF or CRLF line endings")
            }
            let hasBOM = original.starts(with: [0xEF, 0xBB, 0xBF])
            let text = hasBOM ? Array(original.dropFirst(3)) : original
            let lines = LineSplitter.lines(of: text).map { Array(text[$0.start..<$0.end]) }
            let closingIndex = framed.bodyFirstLine - 2
            guard closingIndex < lines.count, entries.allSatisfy({ $0.keyLocation.line - 1 < closingIndex }) else {
                throw EditError.unsupportedLayout("cannot locate the fields' lines in this file")
            }
            self.root = root
            self.entries = entries
            self.lines = lines
            self.hasBOM = hasBOM
            self.closingIndex = closingIndex
            newline = lines.first.map { $0.suffix(2) == [0x0D, 0x0A] } == true ? [0x0D, 0x0A] : [0x0A]
        }

        /// The file's bytes with these lines.
        func bytes(_ lines: [[UInt8]]) -> [UInt8] { (hasBOM ? [0xEF, 0xBB, 0xBF] : []) + lines.flatMap { $0 } }
    }

    /// Adds `key: value` as the first field of a block mapping nested in the front matter (an
    /// item of a block list, such as a notice of `notification.notices`), whose first field is
    /// `mapping`'s first entry: that field moves to a line of its own at the same column, so no
    /// other line changes. A flow mapping (`{a: 1}`) is refused rather than rewritten.
    public static func addingFirstField(_ key: String, _ value: FieldChange.NewValue, toMappingAt path: [NodePathStep],
                                        in original: [UInt8]) throws -> [UInt8] {
        let file = try EditableFile(original)
        var node = file.root
        for step in path {
            switch step {
            case .key(let name): guard let next = node[name] else { throw EditError.unsupportedLayout("no field `\(name)` to edit") }; node = next
            case .item(let i):
                guard let items = node.arrayValue, items.indices.contains(i) else { throw EditError.unsupportedLayout("no item \(i + 1) to edit") }
                node = items[i]
            }
        }
        guard let first = node.objectEntries?.first else { throw EditError.unsupportedLayout("the value to edit is not a mapping") }
        guard node[key] == nil else { throw EditError.unsupportedLayout("`\(key)` is already set") }
        let index = first.keyLocation.line - 1
        guard index > 0, index < file.closingIndex else { throw EditError.unsupportedLayout("cannot locate the fields' lines in this file") }
        let line = Array(String(decoding: file.lines[index], as: UTF8.self).unicodeScalars)
        let column = first.keyLocation.column - 1
        guard column <= line.count, line[..<column].allSatisfy({ $0 == " " || $0 == "-" }) else {
            throw EditError.unsupportedLayout("the mapping is not written one field to a line (a flow mapping `{…}`?); add `\(key)` by hand")
        }
        let lead = String(String.UnicodeScalarView(line[..<column]))
        let rest = String(String.UnicodeScalarView(line[column...]))
        var lines = file.lines
        lines.replaceSubrange(index...index, with: [
            Array("\(lead)\(key): \(YAMLScalar.render(value))".utf8) + file.newline,
            Array((String(repeating: " ", count: column) + rest).utf8),
        ])
        return file.bytes(lines)
    }

    /// The 0-based line range holding a top-level entry: its key line and any continuation
    /// lines (block lists, block scalars) up to the next line at the key's indentation.
    private static func valueLines(of entry: Node.Entry, entries: [Node.Entry], lines: [[UInt8]], closingIndex: Int) throws -> Range<Int> {
        let start = entry.keyLocation.line - 1
        var end = start + 1
        while end < closingIndex {
            let line = lines[end]
            let content = line.prefix { $0 != 0x0A && $0 != 0x0D }
            let indent = content.prefix { $0 == 0x20 }.count
            let blank = content.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            // A comment at the key's indentation belongs to what follows, not to this value.
            if !blank && indent < entry.keyLocation.column { break }
            if !blank && indent == entry.keyLocation.column - 1 && content.dropFirst(indent).first != UInt8(ascii: "-") { break }
            end += 1
        }
        // Trailing blank lines stay where they are.
        while end > start + 1, lines[end - 1].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { end -= 1 }
        return start..<end
    }

    /// Replaces the value on the key's own line, keeping the key, the spacing after the colon,
    /// the quoting style of a quoted scalar, a trailing comment and the line ending.
    private static func replaceInline(_ line: [UInt8], entry: Node.Entry, with value: FieldChange.NewValue) -> [UInt8]? {
        let scalars = Array(String(decoding: line, as: UTF8.self).unicodeScalars)
        let valueStart = entry.value.location.column - 1
        guard valueStart <= scalars.count else { return nil }
        guard let valueEnd = YAMLScalar.endOfInlineValue(scalars, from: valueStart) else { return nil }
        let oldValue = String(String.UnicodeScalarView(scalars[valueStart..<valueEnd]))
        let style: YAMLScalar.Quote = oldValue.hasPrefix("\"") ? .double : oldValue.hasPrefix("'") ? .single : .plain
        var prefix = String(String.UnicodeScalarView(scalars[..<valueStart]))
        // An empty value (`closed_at:`) needs the space a value is separated by.
        if !prefix.hasSuffix(" ") && !prefix.hasSuffix("\t") { prefix += " " }
        let suffix = String(String.UnicodeScalarView(scalars[valueEnd...]))
        return Array((prefix + YAMLScalar.render(value, preferring: style) + suffix).utf8)
    }
}
