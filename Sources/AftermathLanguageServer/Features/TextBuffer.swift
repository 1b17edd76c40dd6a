import AftermathCore

/// The text of an open document as UTF-8 bytes, with its line starts, and the conversions
/// between the client's positions (in the negotiated encoding's code units), byte offsets and
/// the core's line and column (1-based, columns in Unicode scalars). Lines end at `\n`; a `\r`
/// before it belongs to the line end. A position past the end of its line or of the text is
/// taken as that end, as the specification asks.
struct TextBuffer: Sendable {
    private(set) var bytes: [UInt8]
    private(set) var lineStarts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        indexLines()
    }

    init(_ text: String) { self.init(Array(text.utf8)) }

    var text: String { String(decoding: bytes, as: UTF8.self) }
    var lineCount: Int { lineStarts.count }

    private mutating func indexLines() {
        lineStarts = [0]
        for (i, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(i + 1) }
    }

    /// Applies one change of `didChange`: the whole text, or a range replaced.
    mutating func apply(_ change: TextDocumentContentChangeEvent, encoding: PositionEncoding) {
        guard let range = change.range else {
            self = TextBuffer(change.text)
            return
        }
        let start = offset(of: range.start, encoding: encoding)
        let end = max(start, offset(of: range.end, encoding: encoding))
        bytes.replaceSubrange(start..<end, with: Array(change.text.utf8))
        indexLines()
    }

    /// Where line `line` (0-based) ends, before its `\r\n` or `\n`.
    func contentEnd(ofLine line: Int) -> Int {
        guard line < lineStarts.count else { return bytes.count }
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
        if end > lineStarts[line] && bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// The bytes of line `line` (0-based) without its line end.
    func line(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 0 && line < lineStarts.count else { return [] }
        return bytes[lineStarts[line]..<contentEnd(ofLine: line)]
    }

    func lineText(_ line: Int) -> String { String(decoding: self.line(line), as: UTF8.self) }

    /// The byte offset of a client position, clamped to its line and to the text.
    func offset(of position: Position, encoding: PositionEncoding) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return bytes.count }
        let end = contentEnd(ofLine: position.line)
        var i = lineStarts[position.line]
        var units = 0
        while i < end {
            let (scalar, length) = scalar(at: i)
            let width = encoding.units(of: scalar)
            // A position inside a character (half of a surrogate pair) is taken as its start.
            if units + width > position.character { break }
            units += width
            i += length
        }
        return i
    }

    /// The client position of a byte offset.
    func position(ofOffset offset: Int, encoding: PositionEncoding) -> Position {
        let offset = min(max(0, offset), bytes.count)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var units = 0
        var i = lineStarts[low]
        let end = min(offset, contentEnd(ofLine: low))
        while i < end {
            let (scalar, length) = scalar(at: i)
            units += encoding.units(of: scalar)
            i += length
        }
        return Position(line: low, character: units)
    }

    /// The byte offset of the core's location (1-based line, column in scalars), clamped.
    func offset(of location: SourceLocation) -> Int {
        let line = location.line - 1
        guard line >= 0 else { return 0 }
        guard line < lineStarts.count else { return bytes.count }
        let end = contentEnd(ofLine: line)
        var i = lineStarts[line]
        var column = 1
        while i < end && column < location.column {
            i += scalar(at: i).length
            column += 1
        }
        return i
    }

    func position(of location: SourceLocation, encoding: PositionEncoding) -> Position {
        position(ofOffset: offset(of: location), encoding: encoding)
    }

    /// The scalar starting at byte `i` and its length in bytes; a byte that starts no valid
    /// sequence counts as one replacement character.
    func scalar(at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = bytes[i]
        let length: Int
        switch lead {
        case 0..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC0..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF8: length = 4
        default: return ("\u{FFFD}", 1)
        }
        guard i + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (0xFF >> UInt32(length + 1))
        for k in 1..<length {
            let byte = bytes[i + k]
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
