/// `textDocument/documentLink`.
public struct DocumentLinkParams: Decodable, Sendable {
    public var textDocument: TextDocumentIdentifier
}

public struct DocumentLink: Codable, Sendable, Hashable {
    public var range: TextRange
    public var target: String
    public var tooltip: String?
}
