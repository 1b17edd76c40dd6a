/// A document file split into its YAML front matter and Markdown body.
public struct FramedDocument: Sendable {
    /// The YAML between the `---` lines, as UTF-8 bytes (BOM removed).
    public var frontMatter: [UInt8]
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

        if let nul = text.firstIndex(of: 0) {
            return .failure(ParseProblem(RuleID.invalidEncoding, at: TextPosition.location(ofByte: nul, in: text),
                "file contains a NUL byte; documents must be UTF-8 text, not binary"))
        }
        if let bad = text.withUnsafeBufferPointer(UTF8Check.firstInvalidOffset) {
            return .failure(ParseProblem(RuleID.invalidEncoding, at: TextPosition.location(ofByte: bad, in: text),
                "invalid UTF-8 byte 0x\(String(text[bad], radix: 16, uppercase: true)); save the file as UTF-8"))
        }

        let lines = LineSplitter.lines(of: text)
        if let conflict = conflictMarkerLine(lines, text) {
            return .failure(ParseProblem(RuleID.conflictMarkers, at: SourceLocation(line: conflict, column: 1),
                "unresolved merge conflict marker; resolve the conflict and remove the markers"))
        }
        guard let first = lines.first, isDelimiter(text[first.range], allowDots: false) else {
            return .failure(ParseProblem(RuleID.missingFrontMatter, at: .fileStart,
                "document does not start with a `---` front matter line"))
        }
        guard let closing = lines.dropFirst().firstIndex(where: { isDelimiter(text[$0.range], allowDots: true) }) else {
            return .failure(ParseProblem(RuleID.unterminatedFrontMatter, at: .fileStart,
                "front matter opened on line 1 is never closed by a `---` line"))
        }
        let yamlStart = lines.count > 1 ? lines[1].start : first.end
        let yamlEnd = lines[closing].start
        guard yamlEnd - yamlStart <= limits.maxFrontMatterBytes else {
            return .failure(ParseProblem(RuleID.limitExceeded, at: SourceLocation(line: 2, column: 1),
                "front matter is \(yamlEnd - yamlStart) bytes, above the limit of \(limits.maxFrontMatterBytes) bytes"))
        }
        let bodyStart = min(lines[closing].end, text.count)
        return .success(FramedDocument(
            frontMatter: Array(text[yamlStart..<yamlEnd]),
            frontMatterFirstLine: 2,
            body: text[bodyStart...],
            bodyFirstLine: closing + 2))
    }

    /// `---` (or `...` as YAML's document end) with optional trailing blanks and CR.
    private static func isDelimiter(_ line: ArraySlice<UInt8>, allowDots: Bool) -> Bool {
        var content = line
        while let last = content.last, last == 0x0D || last == 0x20 || last == 0x09 { content.removeLast() }
        if content.elementsEqual("---".utf8) { return true }
        return allowDots && content.elementsEqual("...".utf8)
    }

    /// The first `<<<<<<<` line when a conflict block (with its `>>>>>>>`) is present.
    private static func conflictMarkerLine(_ lines: [LineSplitter.Line], _ text: [UInt8]) -> Int? {
        func starts(_ line: LineSplitter.Line, _ marker: UInt8) -> Bool {
            let slice = text[line.range]
            guard slice.count >= 7, slice.prefix(7).allSatisfy({ $0 == marker }) else { return false }
            let rest = slice.dropFirst(7)
            return rest.first.map { $0 == 0x20 || $0 == 0x0D || $0 == 0x09 } ?? true
        }
        guard let open = lines.firstIndex(where: { starts($0, UInt8(ascii: "<")) }),
              lines[open...].contains(where: { starts($0, UInt8(ascii: ">")) }) else { return nil }
        return open + 1
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
