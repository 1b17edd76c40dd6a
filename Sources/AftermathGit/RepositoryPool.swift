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
        lock.lock()
        let pooled = free.popLast()
        lock.unlock()
        let handle = try pooled ?? GitRepository(path: path, fromEnvironment: fromEnvironment)
        defer {
            lock.lock()
            free.append(handle)
            lock.unlock()
        }
        return try body(handle)
    }
}
