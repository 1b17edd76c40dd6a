import Dispatch

/// Work started on another thread now, its result taken later — waiting for it if it is not
/// done. For a step nothing after it needs at once (writing a summary while the findings are
/// printed), so the core that would idle meanwhile does it.
public final class Background<T>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once by the work, before `done` is left; read only after waiting on it.
    private var result: T?

    public init(_ work: @escaping @Sendable () -> T) {
        done.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.done.leave()
        }
    }

    /// The work's result, once it is done.
    public func value() -> T {
        done.wait()
        return result!
    }
}
