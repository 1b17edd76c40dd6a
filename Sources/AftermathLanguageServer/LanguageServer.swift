import Foundation
import AftermathCore
#if canImport(Glibc)
import Glibc
#endif

/// `aftermath lsp`: the Language Server Protocol 3.17 server. It keeps the open buffers, has the
/// engine check the working tree with them laid over it once no message waits (so a burst of
/// edits is checked once, in its latest state), publishes diagnostics for each open document
/// whose diagnostics changed — unless a newer edit arrived meanwhile, which makes them stale —
/// and answers the features' requests from what the last check left.
public final class LanguageServer: LanguageServerHandler {
    private let connection: Connection
    /// The date overdue checks use; nil: today (UTC), each time.
    private let fixedToday: Timestamp?
    private var encoding = PositionEncoding.utf16
    private var state: RepositoryState?
    private var documents: [String: OpenDocument] = [:]
    private var published: [String: [LSPDiagnostic]] = [:]
    /// Documents edited, opened or closed since the last validation: published even when
    /// their diagnostics stayed the same (they carry the new version).
    private var touched: Set<String> = []
    private var needsValidation = false
    private var watchesFiles = false
    private var nextRequestID = 1

    struct OpenDocument {
        var version: Int
        var buffer: TextBuffer
        var path: RepositoryPath?
    }

    init(connection: Connection, today: Timestamp?) {
        self.connection = connection
        fixedToday = today
    }

    /// Serves standard input and output until `exit` or the end of input; returns the exit status.
    public static func serve(today: Timestamp?) -> Int32 {
        let queue = IncomingQueue()
        queue.startReading(FrameReader(fd: STDIN_FILENO))
        let connection = Connection(queue: queue, writer: FrameWriter(fd: STDOUT_FILENO)) { line in
            FileHandle.standardError.write(Data("aftermath lsp: \(line)\n".utf8))
        }
        return connection.run(LanguageServer(connection: connection, today: today))
    }

    private var today: Timestamp {
        if let fixedToday { return fixedToday }
        let now = Date().timeIntervalSince1970
        return Timestamp(secondsSinceEpoch: (now / 86_400).rounded(.down) * 86_400)
    }

    // MARK: Lifecycle

    public func initialize(_ message: IncomingMessage) throws -> any Encodable {
        let params = try message.params(InitializeParams.self)
        encoding = PositionEncoding.negotiate(params.capabilities?.general?.positionEncodings)
        watchesFiles = params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false
        let folder = params.workspaceFolders?.first.flatMap { DocumentURI.path($0.uri) }
            ?? params.rootUri.flatMap(DocumentURI.path) ?? params.rootPath ?? FileManager.default.currentDirectoryPath
        state = RepositoryState(root: RepositoryState.locate(from: folder))
        // The repository is read as soon as no message waits, for the lookups of the first requests.
        needsValidation = true
        let capabilities = ServerCapabilities(
            positionEncoding: encoding, textDocumentSync: .init(),
            completionProvider: .init(triggerCharacters: [":", " ", "-", "["]),
            codeActionProvider: .init(codeActionKinds: ["quickfix"]), codeLensProvider: .init(), documentLinkProvider: .init())
        return InitializeResult(capabilities: capabilities, serverInfo: .init(name: "aftermath", version: Self.version))
    }

    public static let version = "0.1.0"

    public func handler(forNotification method: String) -> ((IncomingMessage) throws -> Void)? {
        switch method {
        case "initialized": return { [self] _ in registerWatchers() }
        case "textDocument/didOpen": return { [self] in didOpen(try $0.params(DidOpenTextDocumentParams.self)) }
        case "textDocument/didChange": return { [self] in didChange(try $0.params(DidChangeTextDocumentParams.self)) }
        case "textDocument/didClose": return { [self] in didClose(try $0.params(DidCloseTextDocumentParams.self)) }
        case "workspace/didChangeWatchedFiles": return { [self] in didChangeWatchedFiles(try $0.params(DidChangeWatchedFilesParams.self)) }
        default: return nil
        }
    }

    public func handler(forRequest method: String) -> ((IncomingMessage) throws -> any Encodable)? {
        switch method {
        case "textDocument/completion":
            return { [self] in
                let params = try $0.params(CompletionParams.self)
                return Completion.list(try context(params.textDocument.uri), at: params.position, now: Date())
            }
        case "textDocument/definition":
            return { [self] in
                let params = try $0.params(TextDocumentPositionParams.self)
                return Definition.locations(try context(params.textDocument.uri), at: params.position)
            }
        case "textDocument/references":
            return { [self] in
                let params = try $0.params(ReferenceParams.self)
                return References.locations(try context(params.textDocument.uri), at: params.position,
                                            includeDeclaration: params.context?.includeDeclaration ?? false)
            }
        case "textDocument/hover":
            return { [self] in
                let params = try $0.params(TextDocumentPositionParams.self)
                return HoverInfo.hover(try context(params.textDocument.uri), at: params.position)
            }
        case "textDocument/documentLink":
            return { [self] in DocumentLinks.links(try context(try $0.params(DocumentLinkParams.self).textDocument.uri)) }
        case "textDocument/documentSymbol":
            return { [self] in DocumentSymbols.symbols(try context(try $0.params(DocumentSymbolParams.self).textDocument.uri)) }
        case "workspace/symbol":
            return { [self] in
                let params = try $0.params(WorkspaceSymbolParams.self)
                return state.map { WorkspaceSymbols.symbols($0, query: params.query) } ?? []
            }
        case "textDocument/codeAction":
            return { [self] in
                let params = try $0.params(CodeActionParams.self)
                return CodeActions.actions(try context(params.textDocument.uri), for: params.context.diagnostics, today: today)
            }
        case "textDocument/codeLens":
            return { [self] in ClosureStatus.lenses(try context(try $0.params(CodeLensParams.self).textDocument.uri)) }
        default: return nil
        }
    }

    /// Asks the client to report changes to the files that hold rules, when it can.
    private func registerWatchers() {
        guard watchesFiles else { return }
        let watchers = ["**/.aftermath.yml", "**/*.yml", "**/schema/*.json", "**/*.md"].map(FileSystemWatcher.init)
        let params = RegistrationParams(registrations: [Registration(id: "aftermath-watched-files", method: "workspace/didChangeWatchedFiles",
                                                                     registerOptions: .init(watchers: watchers))])
        connection.send(OutgoingMessage.request(id: .string("aftermath-\(nextRequestID)"), "client/registerCapability", params))
        nextRequestID += 1
    }

    // MARK: Buffers

    private func didOpen(_ params: DidOpenTextDocumentParams) {
        let item = params.textDocument
        let path = DocumentURI.path(item.uri).flatMap { state?.relativePath($0) }
        documents[item.uri] = OpenDocument(version: item.version, buffer: TextBuffer(item.text), path: path)
        changed(item.uri, path)
    }

    private func didChange(_ params: DidChangeTextDocumentParams) {
        guard var document = documents[params.textDocument.uri] else { return }
        for change in params.contentChanges { document.buffer.apply(change, encoding: encoding) }
        document.version = params.textDocument.version
        documents[params.textDocument.uri] = document
        changed(params.textDocument.uri, document.path)
    }

    private func didClose(_ params: DidCloseTextDocumentParams) {
        let uri = params.textDocument.uri
        guard let document = documents.removeValue(forKey: uri) else { return }
        // The client forgets a closed document's diagnostics only when told to.
        if published.removeValue(forKey: uri).map({ !$0.isEmpty }) ?? false {
            connection.send(OutgoingMessage.notification("textDocument/publishDiagnostics", PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: [])))
        }
        touched.remove(uri)
        // The file may have been saved, or changed on disk while open, unreported.
        if let path = document.path { state?.filesChanged([path]) }
        changed(nil, document.path)
    }

    private func didChangeWatchedFiles(_ params: DidChangeWatchedFilesParams) {
        let paths = params.changes.compactMap { DocumentURI.path($0.uri).flatMap { state?.relativePath($0) } }
        if paths.contains(where: { state?.isRuleFile($0) == true }) { state?.reloadRules() }
        state?.filesChanged(paths)
        needsValidation = true
    }

    private func changed(_ uri: String?, _ path: RepositoryPath?) {
        if let uri { touched.insert(uri) }
        if let path, state?.isRuleFile(path) == true { state?.reloadRules() }
        needsValidation = true
    }

    // MARK: Validation

    public var hasPendingWork: Bool { needsValidation }

    /// Completion and definition are answered from the documents the last check left (the
    /// buffer itself is always the latest), so typing never waits for a check — once there has
    /// been one; the others show what the check judges (closure, open items, the quick fixes
    /// of its diagnostics).
    public func waitsForPendingWork(_ method: String) -> Bool {
        state?.check == nil || (method != "textDocument/completion" && method != "textDocument/definition")
    }

    /// Messages that change what a check judges: a result checked before them is stale.
    private static let edits: Set<String> = ["textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "workspace/didChangeWatchedFiles"]

    public func doPendingWork() {
        guard needsValidation, let state else { return }
        needsValidation = false
        var buffers: [RepositoryPath: [UInt8]] = [:]
        for document in documents.values { if let path = document.path { buffers[path] = document.buffer.bytes } }
        let found = state.validate(buffers: buffers, today: today)
        if connection.queue.hasWaiting(Self.edits) {
            // Superseded while it ran: the next check, of the newer text, publishes.
            needsValidation = true
            return
        }
        // Only the open documents' diagnostics are published (a large repository has tens of
        // thousands of others, such as overdue items).
        let open = Set(documents.values.compactMap(\.path))
        var byPath: [RepositoryPath: [Diagnostic]] = [:]
        for diagnostic in found where open.contains(diagnostic.path) { byPath[diagnostic.path, default: []].append(diagnostic) }
        for (uri, document) in documents.sorted(by: { $0.key < $1.key }) {
            var diagnostics: [LSPDiagnostic] = []
            // Only documents and rule files are judged; any other file has no diagnostics.
            if let path = document.path, state.isDocument(path) || state.isRuleFile(path) {
                diagnostics = Diagnostics.convert(byPath[path] ?? [], in: document.buffer, encoding: encoding)
            }
            guard touched.contains(uri) || published[uri] != diagnostics else { continue }
            published[uri] = diagnostics
            connection.send(OutgoingMessage.notification("textDocument/publishDiagnostics",
                                                         PublishDiagnosticsParams(uri: uri, version: document.version, diagnostics: diagnostics)))
        }
        touched = []
    }

    private func context(_ uri: String) throws -> DocumentContext {
        guard let state else { throw ResponseError(ResponseError.internalError, "no repository") }
        let current = state
        if let document = documents[uri] {
            return DocumentContext(uri: uri, path: document.path, buffer: document.buffer, encoding: encoding, state: current)
        }
        // A document the client did not open is read from the disk.
        let path = DocumentURI.path(uri).flatMap(current.relativePath)
        let bytes = path.flatMap(current.bytes(of:)) ?? []
        return DocumentContext(uri: uri, path: path, buffer: TextBuffer(bytes), encoding: encoding, state: current)
    }
}
