/// `textDocument/definition`: an ID anywhere in a document leads to the document that has it.
enum Definition {
    static func locations(_ context: DocumentContext, at position: Position) -> [Location] {
        let word = context.cursor(at: position).word
        guard FieldRoles.isID(word), let target = context.state.document(word) else { return [] }
        let start = Position(line: 0, character: 0)
        return [Location(uri: context.uri(of: target.path), range: TextRange(start: start, end: start))]
    }
}
