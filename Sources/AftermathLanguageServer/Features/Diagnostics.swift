import AftermathCore

/// The core's diagnostics of one file as the client shows them: the rule ID as `code`, its
/// documentation, the severity, and a range from the diagnostic's place to the end of the
/// field's value (the list item, in a flow list) or of the line.
enum Diagnostics {
    static func convert(_ diagnostics: [Diagnostic], in buffer: TextBuffer, encoding: PositionEncoding) -> [LSPDiagnostic] {
        diagnostics.map { diagnostic in
            LSPDiagnostic(range: range(of: diagnostic.location, in: buffer, encoding: encoding),
                          severity: diagnostic.severity == .error ? .error : .warning,
                          code: diagnostic.ruleID.isEmpty ? nil : diagnostic.ruleID,
                          codeDescription: RuleDocumentation.url(for: diagnostic.ruleID).map(CodeDescription.init),
                          message: diagnostic.message)
        }
    }

    static func range(of location: SourceLocation, in buffer: TextBuffer, encoding: PositionEncoding) -> TextRange {
        let start = buffer.offset(of: location)
        let line = max(0, min(location.line - 1, buffer.lineCount - 1))
        let end = valueEnd(from: start, line: line, in: buffer)
        return TextRange(start: buffer.position(ofOffset: start, encoding: encoding), end: buffer.position(ofOffset: end, encoding: encoding))
    }

    /// Where the value starting at `start` ends: at the `,` or `]` closing an item of a flow
    /// list, else at the end of the line (trailing blanks left out).
    static func valueEnd(from start: Int, line: Int, in buffer: TextBuffer) -> Int {
        let bytes = buffer.bytes
        let lineEnd = buffer.contentEnd(ofLine: line)
        guard start < lineEnd else { return start }
        var before = start - 1
        while before >= buffer.lineStarts[line] && bytes[before] == UInt8(ascii: " ") { before -= 1 }
        let inFlowList = before >= buffer.lineStarts[line] && (bytes[before] == UInt8(ascii: "[") || bytes[before] == UInt8(ascii: ","))
        var end = lineEnd
        if inFlowList, let close = bytes[start..<lineEnd].firstIndex(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "]") }) {
            end = close
        }
        while end > start && (bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t")) { end -= 1 }
        return end
    }
}
