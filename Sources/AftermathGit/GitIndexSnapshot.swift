import Foundation
import CLibGit2
import AftermathCore

/// The index as a snapshot, from `GitIndexFile`: paths are found by binary search in the
/// mapped listing, so opening it costs one pass over the file and nothing per entry.
public final class GitIndexSnapshot: Snapshot, @unchecked Sendable {
    public let label = "index"
    public let index: GitIndexFile
    private let pool: RepositoryPool

    public init(_ index: GitIndexFile, repository: GitRepository) throws {
        self.index = index
        pool = RepositoryPool(try repository.reopen())
    }

    public func contentID(_ path: String) -> String? { contentIdentity(path)?.hex }
    public func contentIdentity(_ path: String) -> ContentID? { index.files.index(of: path).map(index.files.contentID) }

    public func read(_ path: String, upTo limit: Int) throws -> [UInt8]? {
        guard let i = index.files.index(of: path) else { return nil }
        let id = index.files.contentID(i)
        return try pool.with { try $0.blob(id, upTo: limit) }
    }

    public func files(under root: String) throws -> [String] {
        let folder = root == "." ? "" : RepositoryConfiguration.normalizeFolder(root)
        return index.files.indices(under: folder).map(index.files.path)
    }
}

extension GitRepository {
    /// The index file git would commit from: `GIT_INDEX_FILE` when opened from a hook's
    /// environment (relative to the working directory, as git means it), else the repository's own.
    public var indexPath: String? {
        if fromEnvironment, let named = ProcessInfo.processInfo.environment["GIT_INDEX_FILE"], !named.isEmpty {
            return named.hasPrefix("/") ? named : FileManager.default.currentDirectoryPath + "/" + named
        }
        guard !isBare else { return nil }
        return (gitDirectory.hasSuffix("/") ? gitDirectory : gitDirectory + "/") + "index"
    }

    /// The staged snapshot, read straight from the index file when `GitIndexFile` can, else
    /// through libgit2 (`stagedSnapshot()`).
    public func fastStagedSnapshot() throws -> Snapshot {
        if let path = indexPath, let index = GitIndexFile.read(path) { return try GitIndexSnapshot(index, repository: self) }
        return try stagedSnapshot()
    }
}

