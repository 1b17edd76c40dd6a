/// `textDocument/documentLink`: every bug reference in `bugs` or `bug` a tracker knows, linked
/// to its URL.
enum DocumentLinks {
    static func links(_ context: DocumentContext) -> [DocumentLink] {
        guard let lines = FrontMatterCursor.frontMatterLines(context.buffer), let trackers = context.state.ruleset?.configuration.trackers else { return [] }
        var links: [DocumentLink] = []
        for line in lines {
            let start = context.buffer.lineStarts[line]
            let cursor = FrontMatterCursor(context.buffer, offset: start)
            guard let field = cursor.field, FieldRoles.bugs.contains(field) else { continue }
            // Each word of the line after its key.
            var offset = start
            let end = context.buffer.contentEnd(ofLine: line)
            while offset < end {
                let word = FrontMatterCursor(context.buffer, offset: offset)
                if !word.word.isEmpty, word.wordRange.lowerBound == offset, let url = trackers.tracker(for: word.word)?.url(for: word.word) {
                    links.append(DocumentLink(range: context.range(word.wordRange), target: url, tooltip: nil))
                }
                offset = max(offset + 1, word.wordRange.upperBound)
            }
        }
        return links
    }
}
