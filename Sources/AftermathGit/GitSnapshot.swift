import CLibGit2
import AftermathCore
#if canImport(Glibc)
import Glibc
#endif

/// The files of the index as libgit2 reads it (when `GitIndexFile` cannot), listed once up
/// front with their blob IDs; contents are read on demand through a pool of repository
/// handles so several threads can read at once. Commits are `GitListingSnapshot`s.
public final class GitSnapshot: Snapshot, @unchecked Sendable {
    public let label: String
    /// Repository-relative path → blob ID, regular files only (no links, no submodules).
    public let blobs: [RepositoryPath: GitObjectID]
    private let sortedPaths: [RepositoryPath]
    private let pool: RepositoryPool
    init(label: String, blobs: [RepositoryPath: GitObjectID], repository: GitRepository) {
        self.label = label
        self.blobs = blobs
        self.sortedPaths = blobs.keys.sorted()
        self.pool = RepositoryPool(repository)
    }

    public func blobID(_ path: RepositoryPath) -> GitObjectID? { blobs[path] }

    public func contentID(_ path: RepositoryPath) -> String? { blobs[path]?.hex }

    public func read(_ path: RepositoryPath, upTo limit: Int) throws -> [UInt8]? {
        guard let id = blobs[path] else { return nil }
        return try pool.with { try $0.blob(id, upTo: limit) }
    }

    public func files(under root: String) throws -> [RepositoryPath] {
        let prefix = root.isEmpty || root == "." ? "" : (root.hasSuffix("/") ? root : root + "/")
        guard !prefix.isEmpty else { return sortedPaths }
        // Binary search for the first path with the prefix; the matches are contiguous.
        let start = RepositoryPath(prefix)
        var low = 0, high = sortedPaths.count
        while low < high {
            let mid = (low + high) / 2
            if sortedPaths[mid] < start { low = mid + 1 } else { high = mid }
        }
        var result: [RepositoryPath] = []
        while low < sortedPaths.count, sortedPaths[low].hasPrefix(prefix) {
            result.append(sortedPaths[low])
            low += 1
        }
        return result
    }
}

extension GitRepository {
    /// The tree of a revision (`HEAD`, a branch, a tag, `HEAD~3`, a short hash).
    public func snapshot(ofRevision revision: String) throws -> GitListingSnapshot {
        let commit = try resolveCommit(revision)
        return try snapshot(ofCommit: commit, label: "\(revision) (\(commit.short))")
    }

    /// A commit's tree, listed with binary blob IDs (its folders walked on every core) and read
    /// by ID: at a hundred thousand files, far lighter than a table of paths and hex IDs.
    public func snapshot(ofCommit commit: GitObjectID, label: String? = nil) throws -> GitListingSnapshot {
        let files = try listing(ofTree: try treeID(ofCommit: commit), under: "", matching: { _ in true })
        return try GitListingSnapshot(label: label ?? commit.short, files: files, repository: self)
    }

    /// Exactly what `git commit` would record: the index (or the one `GIT_INDEX_FILE` names,
    /// when the repository was opened from the environment), stage 0 entries only.
    public func stagedSnapshot() throws -> GitSnapshot {
        var index: OpaquePointer?
        try LibGit2.check(git_repository_index(&index, handle), "cannot read the index")
        defer { git_index_free(index) }
        try LibGit2.check(git_index_read(index, 0), "cannot read the index")
        var blobs: [RepositoryPath: GitObjectID] = [:]
        let count = git_index_entrycount(index)
        for i in 0..<count {
            guard let entry = git_index_get_byindex(index, i)?.pointee else { continue }
            let stage = (Int32(entry.flags) & GIT_INDEX_ENTRY_STAGEMASK) >> GIT_INDEX_ENTRY_STAGESHIFT
            let mode = entry.mode & 0o170000
            guard stage == 0, mode == 0o100000 else { continue }
            blobs[RepositoryPath(bytes: UnsafeRawBufferPointer(start: entry.path, count: strlen(entry.path)))] = GitObjectID(entry.id)
        }
        return GitSnapshot(label: "index", blobs: blobs, repository: try reopen())
    }
}
