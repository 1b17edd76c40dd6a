import Foundation

/// What a server gives the connection: handlers by method, and work to do once no message waits.
public protocol LanguageServerHandler: AnyObject {
    /// The `initialize` request; the result is sent as is.
    func initialize(_ message: IncomingMessage) throws -> any Encodable
    /// A request other than the lifecycle's; nil when the method is unknown.
    func handler(forRequest method: String) -> ((IncomingMessage) throws -> any Encodable)?
    /// A notification other than the lifecycle's; nil when the method is unknown (it is then ignored).
    func handler(forNotification method: String) -> ((IncomingMessage) throws -> Void)?
    /// Whether work is pending for when the queue is empty.
    var hasPendingWork: Bool { get }
    /// Whether a request of `method` is answered only once the pending work is done (its answer
    /// depends on the latest state); others are answered at once from what the last work left.
    func waitsForPendingWork(_ method: String) -> Bool
    /// Does the pending work (validation and publishing), with no message waiting.
    func doPendingWork()
}

/// The JSON-RPC session: reads messages, keeps the LSP lifecycle (nothing before `initialize`,
/// nothing but `exit` after `shutdown`), dispatches the rest to the server and answers every
/// request exactly once.
public final class Connection {
    public let queue: IncomingQueue
    public let writer: FrameWriter
    private var state = Lifecycle.starting
    private var log: (String) -> Void

    enum Lifecycle { case starting, running, shuttingDown }

    public init(queue: IncomingQueue, writer: FrameWriter, log: @escaping (String) -> Void) {
        self.queue = queue
        self.writer = writer
        self.log = log
    }

    public func send(_ bytes: [UInt8]) { writer.write(bytes) }

    /// Runs until `exit` or the end of input; returns the exit status (0 after `shutdown`, else 1,
    /// as the specification asks).
    public func run(_ server: LanguageServerHandler) -> Int32 {
        while true {
            guard let item = queue.next(wait: !(state == .running && server.hasPendingWork)) else {
                server.doPendingWork()
                continue
            }
            switch item {
            case .end:
                return state == .shuttingDown ? 0 : 1
            case .failure(let error):
                log("dropped a message: \(error.message)")
                send(OutgoingMessage.response(id: nil, error: error))
            case .message(let message):
                if message.method == "exit" { return state == .shuttingDown ? 0 : 1 }
                if let id = message.id, let method = message.method {
                    send(respond(to: method, id: id, message, server))
                } else if let method = message.method {
                    notify(method, message, server)
                }
                // A response to a request of the server's (registrations): nothing waits for it.
            }
        }
    }

    private func respond(to method: String, id: RequestID, _ message: IncomingMessage, _ server: LanguageServerHandler) -> [UInt8] {
        do {
            return OutgoingMessage.response(id: id, result: try result(of: method, id: id, message, server))
        } catch let error as ResponseError {
            return OutgoingMessage.response(id: id, error: error)
        } catch {
            return OutgoingMessage.response(id: id, error: ResponseError(ResponseError.internalError, "\(error)"))
        }
    }

    private func result(of method: String, id: RequestID, _ message: IncomingMessage, _ server: LanguageServerHandler) throws -> any Encodable {
        switch (state, method) {
        case (.starting, "initialize"):
            let result = try server.initialize(message)
            state = .running
            return result
        case (.starting, _):
            throw ResponseError(ResponseError.serverNotInitialized, "the server is not initialized: send `initialize` first")
        case (_, "initialize"):
            throw ResponseError(ResponseError.invalidRequest, "the server is already initialized")
        case (.shuttingDown, _):
            throw ResponseError(ResponseError.invalidRequest, "the server is shutting down: only `exit` is accepted")
        case (.running, "shutdown"):
            state = .shuttingDown
            return NullResult()
        case (.running, _):
            try checkCancellation(of: id, method)
            guard let handler = server.handler(forRequest: method) else {
                throw ResponseError(ResponseError.methodNotFound, "`\(method)` is not supported")
            }
            if server.hasPendingWork && server.waitsForPendingWork(method) {
                server.doPendingWork()
                // The client may have given up while the request waited behind that work.
                try checkCancellation(of: id, method)
            }
            return try handler(message)
        }
    }

    private func checkCancellation(of id: RequestID, _ method: String) throws {
        if queue.takeCancellation(of: id) {
            throw ResponseError(ResponseError.requestCancelled, "`\(method)` was cancelled")
        }
    }

    private func notify(_ method: String, _ message: IncomingMessage, _ server: LanguageServerHandler) {
        // Before `initialize` and after `shutdown`, notifications are dropped (only `exit` counts).
        guard state == .running, let handler = server.handler(forNotification: method) else { return }
        do {
            try handler(message)
        } catch {
            log("`\(method)`: \(error)")
        }
    }
}
