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

    public func contentID(_ path: String) -> String? { index.files.index(of: path).map { index.files.contentID($0).hex } }

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

    public func read(_ path: String, upTo limit: Int) throws -> [UInt8]? {
        try pool.with { repository in
            guard let id = try repository.entry(path, inTree: tree) else { return nil }
            return try repository.blob(id, upTo: limit)
        }
    }

    public func contentID(_ path: String) -> String? { try? pool.with { try $0.entry(path, inTree: tree)?.hex } }

    public func files(under root: String) throws -> [String] {
        let folder = root == "." ? "" : RepositoryConfiguration.normalizeFolder(root)
        let prefix = folder.isEmpty ? "" : folder + "/"
        return try pool.with { repository in
            try repository.listing(ofTree: tree, under: folder, matching: { _ in true }).paths.map { prefix + $0 }.sorted()
        }
    }
}

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
    func entry(_ path: String, inTree tree: ContentID) throws -> ContentID? {
        var treeOID = tree.oid
        var treeHandle: OpaquePointer?
        try LibGit2.check(git_tree_lookup(&treeHandle, handle, &treeOID), "cannot read tree \(tree.hex.prefix(12))")
        defer { git_tree_free(treeHandle) }
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, treeHandle, path) == 0 else { return nil }
        defer { git_tree_entry_free(entry) }
        let mode = git_tree_entry_filemode(entry)
        guard mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE, let id = git_tree_entry_id(entry) else { return nil }
        return ContentID(oid: id.pointee)
    }

    /// Every regular file under `folder` of a tree whose path (relative to the folder) passes
    /// `include`, sorted by path bytes.
    public func listing(ofTree tree: ContentID, under folder: String, matching include: (String) -> Bool) throws -> ContentListing {
        var treeOID = tree.oid
        var root: OpaquePointer?
        try LibGit2.check(git_tree_lookup(&root, handle, &treeOID), "cannot read tree \(tree.hex.prefix(12))")
        defer { git_tree_free(root) }
        var files: [(String, ContentID)] = []
        func walk(_ tree: OpaquePointer?, _ prefix: String) throws {
            for i in 0..<git_tree_entrycount(tree) {
                guard let entry = git_tree_entry_byindex(tree, i), let id = git_tree_entry_id(entry)?.pointee else { continue }
                let path = prefix + String(cString: git_tree_entry_name(entry))
                let mode = git_tree_entry_filemode(entry)
                if mode == GIT_FILEMODE_TREE {
                    var oid = id
                    var subtree: OpaquePointer?
                    try LibGit2.check(git_tree_lookup(&subtree, handle, &oid), "cannot read folder `\(path)`")
                    defer { git_tree_free(subtree) }
                    try walk(subtree, path + "/")
                } else if mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE {
                    let relative = folder.isEmpty ? Substring(path) : path.hasPrefix(folder + "/") ? path.dropFirst(folder.count + 1) : nil
                    if let relative, include(String(relative)) { files.append((String(relative), ContentID(oid: id))) }
                }
            }
        }
        var start = root
        var subtree: OpaquePointer?
        if !folder.isEmpty {
            var entry: OpaquePointer?
            guard git_tree_entry_bypath(&entry, root, folder) == 0 else { return ContentListing() }
            defer { git_tree_entry_free(entry) }
            guard git_tree_entry_type(entry) == GIT_OBJECT_TREE, var oid = git_tree_entry_id(entry)?.pointee else { return ContentListing() }
            try LibGit2.check(git_tree_lookup(&subtree, handle, &oid), "cannot read folder `\(folder)`")
            start = subtree
        }
        defer { if subtree != nil { git_tree_free(subtree) } }
        try walk(start, folder.isEmpty ? "" : folder + "/")
        // Trees order folders as if their names ended in "/"; listings are by plain bytes.
        files.sort { SnapshotDelta.precedes($0.0, $1.0) }
        var listing = ContentListing()
        for (path, id) in files {
            var path = path
            path.withUTF8 { _ = listing.append(path: UnsafeRawBufferPointer($0), id: id) }
        }
        return listing
    }

    /// What changed between two trees among the documents under `folder`: one libgit2 diff,
    /// which skips every subtree the two share.
    public func delta(fromTree old: ContentID, toTree new: ContentID, under folder: String, matching filter: DocumentPathFilter) throws -> SnapshotDelta {
        guard old != new else { return SnapshotDelta() }
        var oldOID = old.oid, newOID = new.oid
        var oldTree: OpaquePointer?, newTree: OpaquePointer?
        try LibGit2.check(git_tree_lookup(&oldTree, handle, &oldOID), "cannot read tree \(old.hex.prefix(12))")
        defer { git_tree_free(oldTree) }
        try LibGit2.check(git_tree_lookup(&newTree, handle, &newOID), "cannot read tree \(new.hex.prefix(12))")
        defer { git_tree_free(newTree) }
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        var diff: OpaquePointer?
        try LibGit2.check(git_diff_tree_to_tree(&diff, handle, oldTree, newTree, &options), "cannot compare trees")
        defer { git_diff_free(diff) }
        let prefix = folder.isEmpty ? "" : folder + "/"
        func document(_ file: git_diff_file) -> String? {
            guard file.mode == GIT_FILEMODE_BLOB.rawValue || file.mode == GIT_FILEMODE_BLOB_EXECUTABLE.rawValue, let raw = file.path else { return nil }
            let path = String(cString: raw)
            guard path.hasPrefix(prefix) else { return nil }
            let relative = String(path.dropFirst(prefix.count))
            return filter.matches(relative) ? relative : nil
        }
        var changes: [String: ContentID?] = [:]
        for i in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, i)?.pointee else { continue }
            if let path = document(delta.old_file) { changes.updateValue(nil, forKey: path) }
            if let path = document(delta.new_file) { changes.updateValue(ContentID(oid: delta.new_file.id), forKey: path) }
        }
        return SnapshotDelta(changes)
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

extension ContentListing {
    var paths: [String] { (0..<count).map(path) }
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

/// Blob reads by content ID from several threads, each on its own repository handle.
public final class GitBlobReader: @unchecked Sendable {
    private let pool: RepositoryPool

    public init(_ repository: GitRepository) throws { pool = RepositoryPool(try repository.reopen()) }

    public func read(_ id: ContentID, upTo limit: Int = .max) throws -> [UInt8] {
        try pool.with { try $0.blob(id, upTo: limit) }
    }
}
