import Foundation

/// Messages read from the client on a thread of their own, waiting for the server. Reading
/// ahead is what lets the server see that a request was cancelled, or a buffer changed again,
/// before it starts on work that is no longer wanted.
public final class IncomingQueue: @unchecked Sendable {
    public enum Item {
        case message(IncomingMessage)
        /// A frame that could not be used: answered with this error (the request's ID unknown).
        case failure(ResponseError)
        case end
    }

    private let condition = NSCondition()
    private var items: [Item] = []
    private var cancelled: Set<RequestID> = []
    private var ended = false

    public init() {}

    /// Starts reading frames from `reader` on a new thread.
    public func startReading(_ reader: FrameReader) {
        let thread = Thread { [self] in
            while true {
                // Frames read together (one write of the client's) are queued together, so a
                // cancellation sent with its request is seen before the request is started.
                var batch: [Item] = []
                repeat {
                    let item = Self.item(reader.next())
                    batch.append(item)
                    if case .end = item { break }
                } while reader.hasBufferedFrame
                add(batch)
                if case .end? = batch.last { return }
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    static func item(_ frame: FrameReader.Frame) -> Item {
        switch frame {
        case .end: return .end
        case .badHeader(let problem): return .failure(ResponseError(ResponseError.parseError, problem))
        case .message(let body):
            switch IncomingMessage.parse(body) {
            case .success(let message): return .message(message)
            case .failure(let error): return .failure(error)
            }
        }
    }

    private struct CancelParams: Decodable { var id: RequestID }

    func add(_ batch: [Item]) {
        condition.lock()
        for item in batch {
            if case .message(let message) = item, message.method == "$/cancelRequest",
               let params = try? message.params(CancelParams.self) {
                cancelled.insert(params.id)
            }
        }
        items += batch
        condition.signal()
        condition.unlock()
    }

    /// The next item; when `wait` is false and none is queued, nil at once.
    public func next(wait: Bool) -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty {
            if !wait { return nil }
            condition.wait()
        }
        return items.removeFirst()
    }

    /// Whether the client cancelled request `id` (forgetting it: an ID is answered once).
    public func takeCancellation(of id: RequestID) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled.remove(id) != nil
    }

    /// Whether a message with one of `methods` is waiting (a newer edit, say, that makes the
    /// result of work in progress stale).
    public func hasWaiting(_ methods: Set<String>) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return items.contains { item in
            if case .message(let message) = item, let method = message.method { return methods.contains(method) }
            return false
        }
    }

    /// Whether a message is waiting.
    public var hasWaiting: Bool {
        condition.lock()
        defer { condition.unlock() }
        return !items.isEmpty
    }
}
