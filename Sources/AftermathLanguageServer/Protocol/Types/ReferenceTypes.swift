/// `textDocument/references`.
public struct ReferenceParams: Decodable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
    public var context: ReferenceContext?

    public struct ReferenceContext: Decodable, Sendable {
        public var includeDeclaration: Bool
    }
}
