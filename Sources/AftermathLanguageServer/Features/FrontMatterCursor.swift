/// What is under a position of a document's text: whether it is in the front matter, the field
/// it belongs to (and the nested key, in `incident:`), whether it is on a key or a value, and
/// the word there (an ID, a handle, a bug reference).
struct FrontMatterCursor {
    /// The lines of the front matter, between the opening `---` and the closing one (0-based).
    var frontMatterLines: Swift.Range<Int>?
    var line: Int
    var inFrontMatter: Bool
    /// The top-level field of the line (its own key, or the key of the block it is in).
    var field: String?
    /// The key of an indented `key: value` line (in `incident:`).
    var nestedKey: String?
    /// True when the cursor is where a key is written (no `:` before it on the line).
    var onKey: Bool
    /// The word under the cursor, its byte range, and what of it is before the cursor.
    var word: String
    var wordRange: Swift.Range<Int>
    var typed: String

    init(_ buffer: TextBuffer, offset: Int) {
        let lines = Self.frontMatterLines(buffer)
        frontMatterLines = lines
        let position = buffer.position(ofOffset: offset, encoding: .utf8)
        line = position.line
        inFrontMatter = lines?.contains(line) ?? false
        let text = Array(buffer.line(line))
        let column = min(position.character, text.count)
        let indent = text.prefix { $0 == UInt8(ascii: " ") }.count
        let colon = Self.keyColon(text)
        onKey = colon.map { column <= $0 } ?? true
        if indent == 0 {
            field = colon.map { String(decoding: text[..<$0], as: UTF8.self) }
            nestedKey = nil
        } else {
            var above = line - 1
            field = nil
            while let first = lines?.first, above >= first {
                let candidate = Array(buffer.line(above))
                if let first = candidate.first, first != UInt8(ascii: " "), first != UInt8(ascii: "#"), let c = Self.keyColon(candidate) {
                    field = String(decoding: candidate[..<c], as: UTF8.self)
                    break
                }
                above -= 1
            }
            let isItem = text.dropFirst(indent).first == UInt8(ascii: "-")
            nestedKey = !isItem ? colon.map { String(decoding: text[indent..<$0], as: UTF8.self) } : nil
            if isItem { onKey = false }
        }
        // The word: everything but blanks, quotes, brackets and commas.
        func isWordByte(_ byte: UInt8) -> Bool { !" \t,[]{}\"'".utf8.contains(byte) }
        var start = column, end = column
        while start > 0 && isWordByte(text[start - 1]) { start -= 1 }
        while end < text.count && isWordByte(text[end]) { end += 1 }
        var wordBytes = text[start..<end]
        if wordBytes.last == UInt8(ascii: ":") { wordBytes = wordBytes.dropLast() }
        if wordBytes.first == UInt8(ascii: "-") && wordBytes.count == 1 { wordBytes = [] }
        word = String(decoding: wordBytes, as: UTF8.self)
        let lineStart = buffer.lineStarts.indices.contains(line) ? buffer.lineStarts[line] : buffer.bytes.count
        wordRange = (lineStart + start)..<(lineStart + start + wordBytes.count)
        typed = String(decoding: text[start..<column], as: UTF8.self)
    }

    /// The field whose value the cursor is in.
    var valueField: String? { nestedKey ?? field }

    /// The index of the `:` ending the key of a `key: value` line (after any indentation).
    static func keyColon(_ text: [UInt8]) -> Int? {
        let indent = text.prefix { $0 == UInt8(ascii: " ") }.count
        guard indent < text.count, text[indent] != UInt8(ascii: "-"), text[indent] != UInt8(ascii: "#") else { return nil }
        for i in indent..<text.count {
            if text[i] == UInt8(ascii: ":") && (i + 1 == text.count || text[i + 1] == UInt8(ascii: " ")) { return i }
            if text[i] == UInt8(ascii: " ") { return nil }
        }
        return nil
    }

    /// Lines 1 up to the closing `---`, when the text opens with `---`.
    static func frontMatterLines(_ buffer: TextBuffer) -> Swift.Range<Int>? {
        var first = buffer.line(0)
        if first.starts(with: [0xEF, 0xBB, 0xBF]) { first = first.dropFirst(3) }
        guard first.elementsEqual("---".utf8) else { return nil }
        for line in 1..<max(1, buffer.lineCount) where buffer.line(line).elementsEqual("---".utf8) { return 1..<line }
        return 1..<buffer.lineCount
    }

    /// The line after the closing `---` (where the body starts).
    static func bodyStart(_ buffer: TextBuffer) -> Int {
        // An unterminated front matter runs to the end: no body.
        min(frontMatterLines(buffer).map { $0.upperBound + 1 } ?? 0, buffer.lineCount)
    }
}
