import Foundation

/// Hands out repository handles so that each thread uses its own, as libgit2 requires.
/// Handles are reused: opening a repository costs far more than one blob read.
final class RepositoryPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [GitRepository]
    private let path: String
    private let fromEnvironment: Bool

    init(_ first: GitRepository) {
        free = [first]
        path = first.fromEnvironment ? first.openedPath : first.gitDirectory
        fromEnvironment = first.fromEnvironment
    }

    func with<T>(_ body: (GitRepository) throws -> T) throws -> T {
        let handle = try take()
        defer { giveBack(handle) }
        return try body(handle)
    }

    /// A handle for one thread's use until it is given back.
    func take() throws -> GitRepository {
        lock.lock()
        let pooled = free.popLast()
        lock.unlock()
        return try pooled ?? GitRepository(path: path, fromEnvironment: fromEnvironment)
    }

    func giveBack(_ handle: GitRepository) {
        lock.lock()
        free.append(handle)
        lock.unlock()
    }
}
