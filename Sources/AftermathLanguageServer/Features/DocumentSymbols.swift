/// `textDocument/documentSymbol`: the body's sections (level-2 headings), each Timeline entry
/// under its section.
enum DocumentSymbols {
    static func symbols(_ context: DocumentContext) -> [DocumentSymbol] {
        let buffer = context.buffer
        var sections: [(title: String, line: Int)] = []
        for line in FrontMatterCursor.bodyStart(buffer)..<buffer.lineCount {
            let text = buffer.lineText(line)
            if text.hasPrefix("## ") { sections.append((text.dropFirst(3).trimmingSpaces, line)) }
        }
        return sections.enumerated().map { i, section in
            let last = i + 1 < sections.count ? sections[i + 1].line - 1 : buffer.lineCount - 1
            let range = context.range(buffer.lineStarts[section.line]..<buffer.contentEnd(ofLine: last))
            let heading = context.range(buffer.lineStarts[section.line]..<buffer.contentEnd(ofLine: section.line))
            var children: [DocumentSymbol]?
            if section.title == "Timeline" {
                children = (section.line + 1...max(section.line + 1, last)).compactMap { line in
                    let text = buffer.lineText(line)
                    guard text.hasPrefix("- ") else { return nil }
                    let lineRange = context.range(buffer.lineStarts[line]..<buffer.contentEnd(ofLine: line))
                    return DocumentSymbol(name: String(text.dropFirst(2)), detail: nil, kind: .event, range: lineRange, selectionRange: lineRange, children: nil)
                }
            }
            return DocumentSymbol(name: section.title, detail: nil, kind: .namespace, range: range, selectionRange: heading, children: children)
        }
    }
}
