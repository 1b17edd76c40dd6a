/// `initialize`: what the server reads of the client's parameters, and what it answers.
public struct InitializeParams: Decodable, Sendable {
    public var processId: Int?
    public var rootUri: String?
    public var rootPath: String?
    public var workspaceFolders: [WorkspaceFolder]?
    public var capabilities: ClientCapabilities?

    public struct WorkspaceFolder: Codable, Sendable {
        public var uri: String
        public var name: String?
    }

    public struct ClientCapabilities: Decodable, Sendable {
        public var general: General?
        public var workspace: Workspace?

        public struct General: Decodable, Sendable {
            public var positionEncodings: [String]?
        }

        public struct Workspace: Decodable, Sendable {
            public var didChangeWatchedFiles: DynamicRegistration?
        }

        public struct DynamicRegistration: Decodable, Sendable {
            public var dynamicRegistration: Bool?
        }
    }
}

public struct InitializeResult: Encodable, Sendable {
    public var capabilities: ServerCapabilities
    public var serverInfo: ServerInfo

    public struct ServerInfo: Encodable, Sendable {
        public var name: String
        public var version: String
    }
}

/// The features the server offers (LSP 3.17 `ServerCapabilities`, the fields used).
public struct ServerCapabilities: Encodable, Sendable {
    public var positionEncoding: PositionEncoding
    public var textDocumentSync: TextDocumentSyncOptions
    public var completionProvider: CompletionOptions
    public var hoverProvider = true
    public var definitionProvider = true
    public var referencesProvider = true
    public var documentSymbolProvider = true
    public var workspaceSymbolProvider = true
    public var codeActionProvider: CodeActionOptions
    public var codeLensProvider: CodeLensOptions
    public var documentLinkProvider: DocumentLinkOptions

    public struct TextDocumentSyncOptions: Encodable, Sendable {
        public var openClose = true
        public var change = TextDocumentSyncKind.incremental
        public var save = SaveOptions()
    }

    public struct SaveOptions: Encodable, Sendable {
        public var includeText = false
    }

    public struct CompletionOptions: Encodable, Sendable {
        public var triggerCharacters: [String]
    }

    public struct CodeActionOptions: Encodable, Sendable {
        public var codeActionKinds: [String]
    }

    public struct CodeLensOptions: Encodable, Sendable {
        public var resolveProvider = false
    }

    public struct DocumentLinkOptions: Encodable, Sendable {
        public var resolveProvider = false
    }
}
