import CLibGit2
import AftermathCore

/// The files of a git tree (a commit) or of the index, listed once up front with their blob
/// IDs; contents are read on demand through a pool of repository handles so several threads
/// can read at once.
public final class GitSnapshot: Snapshot, @unchecked Sendable {
    public let label: String
    /// Repository-relative path → blob ID, regular files only (no links, no submodules).
    public let blobs: [String: GitObjectID]
    private let sortedPaths: [String]
    private let pool: RepositoryPool
    /// The commit this snapshot is the tree of, nil for the index.
    public let commit: GitObjectID?

    init(label: String, blobs: [String: GitObjectID], repository: GitRepository, commit: GitObjectID?) {
        self.label = label
        self.blobs = blobs
        self.sortedPaths = blobs.keys.sorted()
        self.pool = RepositoryPool(repository)
        self.commit = commit
    }

    public func blobID(_ path: String) -> GitObjectID? { blobs[path] }

    public func contentID(_ path: String) -> String? { blobs[path]?.hex }

    public func read(_ path: String, upTo limit: Int) throws -> [UInt8]? {
        guard let id = blobs[path] else { return nil }
        return try pool.with { try $0.blob(id, upTo: limit) }
    }

    public func files(under root: String) throws -> [String] {
        let prefix = root.isEmpty || root == "." ? "" : (root.hasSuffix("/") ? root : root + "/")
        guard !prefix.isEmpty else { return sortedPaths }
        // Binary search for the first path with the prefix; the matches are contiguous.
        var low = 0, high = sortedPaths.count
        while low < high {
            let mid = (low + high) / 2
            if sortedPaths[mid] < prefix { low = mid + 1 } else { high = mid }
        }
        var result: [String] = []
        while low < sortedPaths.count, sortedPaths[low].hasPrefix(prefix) {
            result.append(sortedPaths[low])
            low += 1
        }
        return result
    }
}

extension GitRepository {
    /// The tree of a revision (`HEAD`, a branch, a tag, `HEAD~3`, a short hash).
    public func snapshot(ofRevision revision: String) throws -> GitSnapshot {
        let commit = try resolveCommit(revision)
        return try snapshot(ofCommit: commit, label: "\(revision) (\(commit.short))")
    }

    public func snapshot(ofCommit commit: GitObjectID, label: String? = nil) throws -> GitSnapshot {
        guard var oid = commit.raw else { throw GitError(message: "invalid commit id \(commit)") }
        var commitHandle: OpaquePointer?
        try LibGit2.check(git_commit_lookup(&commitHandle, handle, &oid), "cannot read commit \(commit.short)")
        defer { git_commit_free(commitHandle) }
        var tree: OpaquePointer?
        try LibGit2.check(git_commit_tree(&tree, commitHandle), "cannot read the tree of commit \(commit.short)")
        defer { git_tree_free(tree) }
        var blobs: [String: GitObjectID] = [:]
        try collect(tree: tree, prefix: "", into: &blobs)
        return GitSnapshot(label: label ?? commit.short, blobs: blobs, repository: try reopen(), commit: commit)
    }

    private func collect(tree: OpaquePointer?, prefix: String, into blobs: inout [String: GitObjectID]) throws {
        let count = git_tree_entrycount(tree)
        for i in 0..<count {
            guard let entry = git_tree_entry_byindex(tree, i) else { continue }
            let name = String(cString: git_tree_entry_name(entry))
            let path = prefix + name
            let mode = git_tree_entry_filemode(entry)
            guard let id = git_tree_entry_id(entry)?.pointee else { continue }
            if mode == GIT_FILEMODE_TREE {
                var subtree: OpaquePointer?
                var oid = id
                try LibGit2.check(git_tree_lookup(&subtree, handle, &oid), "cannot read folder `\(path)`")
                defer { git_tree_free(subtree) }
                try collect(tree: subtree, prefix: path + "/", into: &blobs)
            } else if mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE {
                blobs[path] = GitObjectID(id)
            }
        }
    }

    /// Exactly what `git commit` would record: the index (or the one `GIT_INDEX_FILE` names,
    /// when the repository was opened from the environment), stage 0 entries only.
    public func stagedSnapshot() throws -> GitSnapshot {
        var index: OpaquePointer?
        try LibGit2.check(git_repository_index(&index, handle), "cannot read the index")
        defer { git_index_free(index) }
        try LibGit2.check(git_index_read(index, 0), "cannot read the index")
        var blobs: [String: GitObjectID] = [:]
        let count = git_index_entrycount(index)
        for i in 0..<count {
            guard let entry = git_index_get_byindex(index, i)?.pointee else { continue }
            let stage = (Int32(entry.flags) & GIT_INDEX_ENTRY_STAGEMASK) >> GIT_INDEX_ENTRY_STAGESHIFT
            let mode = entry.mode & 0o170000
            guard stage == 0, mode == 0o100000 else { continue }
            blobs[String(cString: entry.path)] = GitObjectID(entry.id)
        }
        return GitSnapshot(label: "index", blobs: blobs, repository: try reopen(), commit: nil)
    }
}
