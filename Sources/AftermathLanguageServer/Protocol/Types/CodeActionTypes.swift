/// `textDocument/codeAction`, `textDocument/codeLens` and the edits they carry.
public struct CodeActionParams: Decodable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var range: TextRange
    public var context: CodeActionContext

    public struct CodeActionContext: Decodable, Sendable {
        public var diagnostics: [LSPDiagnostic]
    }
}

public struct CodeAction: Codable, Sendable {
    public var title: String
    public var kind: String
    public var diagnostics: [LSPDiagnostic]?
    public var isPreferred: Bool?
    public var edit: WorkspaceEdit
}

public struct TextEdit: Codable, Sendable, Hashable {
    public var range: TextRange
    public var newText: String
}

public struct TextDocumentEdit: Codable, Sendable {
    public var textDocument: OptionalVersionedTextDocumentIdentifier
    public var edits: [TextEdit]
}

public struct CreateFile: Codable, Sendable {
    public var kind = "create"
    public var uri: String
    public var options: Options?

    public struct Options: Codable, Sendable {
        public var overwrite: Bool?
        public var ignoreIfExists: Bool?
    }
}

/// One of `WorkspaceEdit.documentChanges`.
public enum DocumentChange: Codable, Sendable {
    case edit(TextDocumentEdit)
    case create(CreateFile)

    public init(from decoder: Decoder) throws {
        if let create = try? CreateFile(from: decoder), create.kind == "create" {
            self = .create(create)
        } else {
            self = .edit(try TextDocumentEdit(from: decoder))
        }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .edit(let edit): try edit.encode(to: encoder)
        case .create(let create): try create.encode(to: encoder)
        }
    }
}

public struct WorkspaceEdit: Codable, Sendable {
    public var documentChanges: [DocumentChange]
}

public struct CodeLensParams: Decodable, Sendable {
    public var textDocument: TextDocumentIdentifier
}

public struct CodeLens: Codable, Sendable {
    public var range: TextRange
    public var command: Command?
}

public struct Command: Codable, Sendable {
    public var title: String
    /// An empty command: the lens only informs.
    public var command: String
}
