/// `textDocument/completion`.
public struct CompletionParams: Decodable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
}

public struct CompletionItem: Codable, Sendable, Hashable {
    public var label: String
    public var kind: CompletionItemKind?
    public var detail: String?
    /// Plain text (a string, which every client takes).
    public var documentation: String?
    /// What replaces the word being typed (the range ends at the cursor).
    public var textEdit: TextEdit?
    public var sortText: String?
    public var filterText: String?

    public init(label: String, kind: CompletionItemKind?, detail: String? = nil, documentation: String? = nil,
                textEdit: TextEdit? = nil, sortText: String? = nil) {
        self.label = label
        self.kind = kind
        self.detail = detail
        self.documentation = documentation
        self.textEdit = textEdit
        self.sortText = sortText
    }
}

public enum CompletionItemKind: Int, Codable, Sendable {
    case text = 1
    case field = 5
    case value = 12
    case `enum` = 13
    case file = 17
    case reference = 18
    case enumMember = 20
    case constant = 21
    case event = 23
}

public struct CompletionList: Codable, Sendable {
    public var isIncomplete: Bool
    public var items: [CompletionItem]
}

/// Text with its format (`plaintext` or `markdown`).
public struct MarkupContent: Codable, Sendable, Hashable {
    public var kind: String
    public var value: String

    public static func markdown(_ value: String) -> MarkupContent { MarkupContent(kind: "markdown", value: value) }
    public static func plaintext(_ value: String) -> MarkupContent { MarkupContent(kind: "plaintext", value: value) }
}
