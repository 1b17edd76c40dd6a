/// `textDocument/references`: for an ID (the document's own, or one it links to), every
/// document linking to it, at the linking field.
enum References {
    static func locations(_ context: DocumentContext, at position: Position, includeDeclaration: Bool) -> [Location] {
        let cursor = context.cursor(at: position)
        let id = FieldRoles.isID(cursor.word) ? cursor.word : (cursor.field == "id" ? context.document?.id : nil)
        guard let id else { return [] }
        var found: [Location] = []
        if includeDeclaration, let target = context.state.document(id) {
            found.append(Location(uri: context.uri(of: target.path), range: context.range(of: target.location(of: "id"), inFile: target.path)))
        }
        for (document, field) in context.state.linking(to: id) {
            found.append(Location(uri: context.uri(of: document.path), range: context.range(of: document.location(of: field), inFile: document.path)))
        }
        return found
    }
}
