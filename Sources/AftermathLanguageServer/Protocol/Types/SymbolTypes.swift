/// `textDocument/documentSymbol` (hierarchical) and `workspace/symbol`.
public struct DocumentSymbolParams: Decodable, Sendable {
    public var textDocument: TextDocumentIdentifier
}

public struct DocumentSymbol: Codable, Sendable, Hashable {
    public var name: String
    public var detail: String?
    public var kind: SymbolKind
    public var range: TextRange
    public var selectionRange: TextRange
    public var children: [DocumentSymbol]?
}

public enum SymbolKind: Int, Codable, Sendable {
    case file = 1
    case module = 2
    case namespace = 3
    case property = 7
    case field = 8
    case string = 15
    case key = 20
    case event = 24
}

public struct WorkspaceSymbolParams: Decodable, Sendable {
    public var query: String
}

/// `SymbolInformation`: what `workspace/symbol` returns, understood by every client.
public struct SymbolInformation: Codable, Sendable, Hashable {
    public var name: String
    public var kind: SymbolKind
    public var location: Location
    public var containerName: String?
}
