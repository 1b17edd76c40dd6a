/// A document file split into its YAML front matter and Markdown body.
public struct FramedDocument: Sendable {
    /// The YAML between the `---` lines, as UTF-8 bytes (BOM removed).
    public var frontMatter: ArraySlice<UInt8>
    /// File line number of the first front-matter line (line 2 for a well-formed file).
    public var frontMatterFirstLine: Int
    /// The Markdown body's bytes.
    public var body: ArraySlice<UInt8>
    public var bodyFirstLine: Int
}

/// Splits a file into front matter and body, refusing what cannot be a document:
/// oversized or binary files, invalid UTF-8, merge-conflict markers, missing or unclosed
/// front matter. A UTF-8 BOM and CRLF line endings are accepted.
public enum DocumentFramer {
    public static func frame(_ bytes: [UInt8], limits: ParseLimits = .standard) -> Result<FramedDocument, ParseProblem> {
        guard bytes.count <= limits.maxFileBytes else {
            return .failure(ParseProblem(RuleID.limitExceeded, at: .fileStart,
                "file is larger than the limit of \(limits.maxFileBytes) bytes (`limits.max_file_bytes` in .aftermath.yml)"))
        }
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let text = hasBOM ? Array(bytes.dropFirst(3)) : bytes

        return text.withUnsafeBufferPointer { frame(text, $0, limits: limits) }
    }

    /// Two passes over the bytes, no allocation but the results: encoding, then lines.
    private static func frame(_ text: [UInt8], _ b: UnsafeBufferPointer<UInt8>, limits: ParseLimits) -> Result<FramedDocument, ParseProblem> {
        if let bad = UTF8Check.firstInvalidOffset(b) {
            let message = b[bad] == 0
                ? "file contains a NUL byte; documents must be UTF-8 text, not binary"
                : "invalid UTF-8 byte 0x\(String(b[bad], radix: 16, uppercase: true)); save the file as UTF-8"
            return .failure(ParseProblem(RuleID.invalidEncoding, at: TextPosition.location(ofByte: bad, in: text), message))
        }
        var lineStart = 0
        var lineNumber = 1
        var closing: (line: Int, start: Int, end: Int)?
        var conflictOpen: Int?
        var conflictClosed = false
        var firstLineIsDelimiter = false
        while lineStart < b.count || (lineStart == 0 && b.isEmpty) {
            let lineEnd = lineStart < b.count ? b.lineEnd(from: lineStart) : lineStart
            let line = UnsafeBufferPointer(rebasing: b[lineStart..<lineEnd])
            if lineNumber == 1 {
                firstLineIsDelimiter = isDelimiter(line, allowDots: false)
                if !firstLineIsDelimiter { break }
            } else if closing == nil, isDelimiter(line, allowDots: true) {
                closing = (lineNumber, lineStart, min(lineEnd + 1, b.count))
            }
            if isConflictMarker(line, UInt8(ascii: "<")) {
                if conflictOpen == nil { conflictOpen = lineNumber }
            } else if conflictOpen != nil, isConflictMarker(line, UInt8(ascii: ">")) {
                conflictClosed = true
            }
            if lineEnd >= b.count { break }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        if let open = conflictOpen, conflictClosed {
            return .failure(ParseProblem(RuleID.conflictMarkers, at: SourceLocation(line: open, column: 1),
                "unresolved merge conflict marker; resolve the conflict and remove the markers"))
        }
        guard firstLineIsDelimiter else {
            return .failure(ParseProblem(RuleID.missingFrontMatter, at: .fileStart,
                "document does not start with a `---` front matter line"))
        }
        guard let closing else {
            return .failure(ParseProblem(RuleID.unterminatedFrontMatter, at: .fileStart,
                "front matter opened on line 1 is never closed by a `---` line"))
        }
        var yamlStart = 0
        while yamlStart < b.count, b[yamlStart] != 0x0A { yamlStart += 1 }
        yamlStart = min(yamlStart + 1, closing.start)
        let yamlEnd = closing.start
        guard yamlEnd - yamlStart <= limits.maxFrontMatterBytes else {
            return .failure(ParseProblem(RuleID.limitExceeded, at: SourceLocation(line: 2, column: 1),
                "front matter is \(yamlEnd - yamlStart) bytes, above the limit of \(limits.maxFrontMatterBytes) bytes"))
        }
        return .success(FramedDocument(
            frontMatter: text[yamlStart..<yamlEnd],
            frontMatterFirstLine: 2,
            body: text[closing.end...],
            bodyFirstLine: closing.line + 1))
    }

    /// `<<<<<<<` or `>>>>>>>` followed by a space, tab, CR or the end of the line.
    private static func isConflictMarker(_ line: UnsafeBufferPointer<UInt8>, _ marker: UInt8) -> Bool {
        guard line.count >= 7 else { return false }
        for i in 0..<7 where line[i] != marker { return false }
        return line.count == 7 || line[7] == 0x20 || line[7] == 0x0D || line[7] == 0x09
    }

    /// `---` (or `...` as YAML's document end) with optional trailing blanks and CR.
    private static func isDelimiter(_ line: UnsafeBufferPointer<UInt8>, allowDots: Bool) -> Bool {
        var count = line.count
        while count > 0, line[count - 1] == 0x0D || line[count - 1] == 0x20 || line[count - 1] == 0x09 { count -= 1 }
        guard count == 3 else { return false }
        if line[0] == 0x2D && line[1] == 0x2D && line[2] == 0x2D { return true }
        return allowDots && line[0] == 0x2E && line[1] == 0x2E && line[2] == 0x2E
    }
}

/// Line boundaries of UTF-8 text; `range` excludes the line break, `end` includes it.
enum LineSplitter {
    struct Line {
        var start: Int
        var contentEnd: Int
        var end: Int
        var range: Range<Int> { start..<contentEnd }
    }

    static func lines(of text: [UInt8]) -> [Line] {
        var result: [Line] = []
        var start = 0
        for (i, byte) in text.enumerated() where byte == UInt8(ascii: "\n") {
            result.append(Line(start: start, contentEnd: i, end: i + 1))
            start = i + 1
        }
        if start < text.count { result.append(Line(start: start, contentEnd: text.count, end: text.count)) }
        return result
    }
}
