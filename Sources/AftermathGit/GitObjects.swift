import CLibGit2
import AftermathCore

/// Blobs and trees by content ID.
extension GitRepository {
    /// Reads a blob by content ID, at most `limit` bytes of it.
    public func blob(_ id: ContentID, upTo limit: Int = .max) throws -> [UInt8] {
        var oid = id.oid
        var blob: OpaquePointer?
        try LibGit2.check(git_blob_lookup(&blob, handle, &oid), "cannot read object \(id.hex.prefix(12))")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: content, count: min(size, limit)))
    }

    /// Git's blob ID of some bytes (what they would be stored as).
    public static func blobID(of bytes: [UInt8]) throws -> ContentID {
        LibGit2.ensureInitialized()  // no repository need be open: this may be the first call
        var oid = git_oid()
        _ = try bytes.withUnsafeBytes { raw in
            try LibGit2.check(git_odb_hash(&oid, raw.baseAddress, raw.count, GIT_OBJECT_BLOB), "cannot hash")
        }
        return ContentID(oid: oid)
    }

    /// The tree of a revision's commit.
    public func treeID(ofCommit commit: GitObjectID) throws -> ContentID {
        guard var oid = commit.raw else { throw GitError(message: "invalid commit id \(commit)") }
        var handleCommit: OpaquePointer?
        try LibGit2.check(git_commit_lookup(&handleCommit, handle, &oid), "cannot read commit \(commit.short)")
        defer { git_commit_free(handleCommit) }
        guard let tree = git_commit_tree_id(handleCommit) else { throw GitError(message: "commit \(commit.short) has no tree") }
        return ContentID(oid: tree.pointee)
    }

    /// The blob at `path` in a tree (regular files only), or nil.
    func entry(_ path: RepositoryPath, inTree tree: ContentID) throws -> ContentID? {
        var treeOID = tree.oid
        var treeHandle: OpaquePointer?
        try LibGit2.check(git_tree_lookup(&treeHandle, handle, &treeOID), "cannot read tree \(tree.hex.prefix(12))")
        defer { git_tree_free(treeHandle) }
        var entry: OpaquePointer?
        guard path.withCString({ git_tree_entry_bypath(&entry, treeHandle, $0) }) == 0 else { return nil }
        defer { git_tree_entry_free(entry) }
        let mode = git_tree_entry_filemode(entry)
        guard mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE, let id = git_tree_entry_id(entry) else { return nil }
        return ContentID(oid: id.pointee)
    }
}

extension ContentID {
    init(oid: git_oid) {
        var copy = oid
        self = withUnsafeBytes(of: &copy.id) { ContentID($0) }
    }

    var oid: git_oid {
        var oid = git_oid()
        let raw = bytes
        withUnsafeMutableBytes(of: &oid.id) { $0.copyBytes(from: raw) }
        return oid
    }
}
