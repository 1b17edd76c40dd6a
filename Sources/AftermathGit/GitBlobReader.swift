import AftermathCore

/// Blob reads by content ID from several threads, each on its own repository handle.
public final class GitBlobReader: @unchecked Sendable {
    private let pool: RepositoryPool

    public init(_ repository: GitRepository) throws { pool = RepositoryPool(try repository.reopen()) }

    public func read(_ id: ContentID, upTo limit: Int = .max) throws -> [UInt8] {
        try pool.with { try $0.blob(id, upTo: limit) }
    }
}
