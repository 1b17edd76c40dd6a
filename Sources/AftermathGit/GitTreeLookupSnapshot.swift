import AftermathCore

/// A commit's tree read on demand, path by path: enough to load the rules without listing
/// every file of a large tree.
public final class GitTreeLookupSnapshot: Snapshot, @unchecked Sendable {
    public let label: String
    public let tree: ContentID
    private let pool: RepositoryPool

    public init(tree: ContentID, label: String, repository: GitRepository) throws {
        self.tree = tree
        self.label = label
        pool = RepositoryPool(try repository.reopen())
    }

    public func read(_ path: RepositoryPath, upTo limit: Int) throws -> [UInt8]? {
        try pool.with { repository in
            guard let id = try repository.entry(path, inTree: tree) else { return nil }
            return try repository.blob(id, upTo: limit)
        }
    }

    public func contentID(_ path: RepositoryPath) -> String? { try? pool.with { try $0.entry(path, inTree: tree)?.hex } }

    public func files(under root: String) throws -> [RepositoryPath] {
        let folder = root == "." ? "" : RepositoryConfiguration.normalizeFolder(root)
        let prefix = folder.isEmpty ? "" : folder + "/"
        return try pool.with { repository in
            try repository.listing(ofTree: tree, under: folder, matching: { _ in true }).paths.map { $0.prefixed(by: prefix) }.sorted()
        }
    }
}

extension ContentListing {
    var paths: [RepositoryPath] { (0..<count).map(path) }
}
