import Foundation
import CLibGit2
import AftermathCore

/// The files of a listing (the index, a commit's tree) as a snapshot: paths are found by
/// binary search and contents read by blob ID through a pool of repository handles, so
/// opening it costs nothing per file and several threads can read at once.
public class GitListingSnapshot: ListingSnapshot, @unchecked Sendable {
    public let label: String
    public let listing: ContentListing
    private let pool: RepositoryPool

    public init(label: String, files: ContentListing, repository: GitRepository) throws {
        self.label = label
        listing = files
        pool = RepositoryPool(try repository.reopen())
    }

    public func read(_ path: RepositoryPath, upTo limit: Int) throws -> [UInt8]? {
        guard let id = contentIdentity(path) else { return nil }
        return try pool.with { try $0.blob(id, upTo: limit) }
    }

    public func reader() -> SnapshotReader { ListingReader(self) }

    /// Reads one thread's share in path order with a repository handle of its own, held until
    /// it is done, each path looked up from where the last one was found: not a binary search
    /// and two trips to the pool's lock per blob.
    private final class ListingReader: SnapshotReader {
        let snapshot: GitListingSnapshot
        let listing: ContentListing
        var hint = -1
        var handle: GitRepository?

        init(_ snapshot: GitListingSnapshot) {
            self.snapshot = snapshot
            listing = snapshot.listing
        }

        deinit { if let handle { snapshot.pool.giveBack(handle) } }

        func read(_ path: RepositoryPath, upTo limit: Int) throws -> [UInt8]? {
            guard let i = listing.index(of: path, hint: &hint) else { return nil }
            let handle = try self.handle ?? snapshot.pool.take()
            self.handle = handle
            return try handle.blob(listing.contentID(i), upTo: limit)
        }
    }
}

/// The index as a snapshot, from `GitIndexFile`'s listing.
public final class GitIndexSnapshot: GitListingSnapshot, @unchecked Sendable {
    public let index: GitIndexFile

    public init(_ index: GitIndexFile, repository: GitRepository) throws {
        self.index = index
        try super.init(label: "index", files: index.files, repository: repository)
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
        if let path = indexPath, let index = GitIndexFile.readVerified(path) { return try GitIndexSnapshot(index, repository: self) }
        return try stagedSnapshot()
    }
}

