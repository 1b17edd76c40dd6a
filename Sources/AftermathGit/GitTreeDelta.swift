import CLibGit2
import AftermathCore

extension GitRepository {
    /// Every regular file under `folder` of a tree whose path (relative to the folder) passes
    /// `include`, sorted by path bytes. The folders two levels down (a postmortem each, in a
    /// repository of postmortems) are walked on every core, each thread with its own handle.
    public func listing(ofTree tree: ContentID, under folder: String, matching include: @escaping @Sendable (RepositoryPath) -> Bool) throws -> ContentListing {
        var treeOID = tree.oid
        var root: OpaquePointer?
        try LibGit2.check(git_tree_lookup(&root, handle, &treeOID), "cannot read tree \(tree.hex.prefix(12))")
        defer { git_tree_free(root) }
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
        let walker = TreeWalker(folder: folder, include: include)
        // The first two levels in order, their folders left to walk.
        var items: [TreeWalker.Item] = []
        for item in walker.entries(of: start, prefix: folder.isEmpty ? [] : Array((folder + "/").utf8)) {
            if case .folder(let path, let oid) = item {
                items += try walker.entries(ofTree: oid, prefix: path + [UInt8(ascii: "/")], handle: handle)
            } else {
                items.append(item)
            }
        }
        let folders = items.compactMap { item -> ([UInt8], git_oid)? in
            if case .folder(let path, let oid) = item { return (path, oid) }
            return nil
        }
        let walked: [[(path: RepositoryPath, id: ContentID)]]
        if folders.count < 64 {
            // A small tree: not worth opening more handles.
            walked = try folders.map { path, oid in
                var files: [(path: RepositoryPath, id: ContentID)] = []
                try walker.walk(oid, prefix: path + [UInt8(ascii: "/")], handle: handle, into: &files)
                return files
            }
        } else {
            let pool = RepositoryPool(try reopen())
            walked = try ParallelMap.map(folders.count) { i in
                try pool.with { repository in
                    var files: [(path: RepositoryPath, id: ContentID)] = []
                    try walker.walk(folders[i].1, prefix: folders[i].0 + [UInt8(ascii: "/")], handle: repository.handle, into: &files)
                    return files
                }
            }
        }
        var files: [(path: RepositoryPath, id: ContentID)] = []
        var next = 0
        for item in items {
            switch item {
            case .file(let path, let id): files.append((path, id))
            case .folder:
                files += walked[next]
                next += 1
            }
        }
        // Trees order folders as if their names ended in "/", which is plain byte order for
        // whole paths: the walk's order is the listing's (sorted again if ever not).
        return ContentListing(sorting: files)
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
        let prefix = Array((folder.isEmpty ? "" : folder + "/").utf8)
        // Paths as git's bytes: a name that is not UTF-8 stays itself, not a replacement.
        func document(_ file: git_diff_file) -> RepositoryPath? {
            guard file.mode == GIT_FILEMODE_BLOB.rawValue || file.mode == GIT_FILEMODE_BLOB_EXECUTABLE.rawValue, let raw = file.path else { return nil }
            let path = UnsafeRawBufferPointer(start: raw, count: strlen(raw))
            guard path.starts(with: prefix) else { return nil }
            let relative = UnsafeRawBufferPointer(rebasing: path[prefix.count...])
            return filter.matches(relative) ? RepositoryPath(bytes: relative) : nil
        }
        var changes: [RepositoryPath: ContentID?] = [:]
        for i in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, i)?.pointee else { continue }
            if let path = document(delta.old_file) { changes.updateValue(nil, forKey: path) }
            if let path = document(delta.new_file) { changes.updateValue(ContentID(oid: delta.new_file.id), forKey: path) }
        }
        return SnapshotDelta(changes)
    }
}

/// Walks trees for `listing(ofTree:)`: folders recursively, regular files kept when their
/// path (relative to `folder`) passes `include`. Names are taken as git's bytes: decoding them
/// as text would make a name that is not UTF-8 another name, and two such names one.
private struct TreeWalker: Sendable {
    enum Item {
        case file(RepositoryPath, ContentID)
        case folder([UInt8], git_oid)
    }

    let folder: String
    let include: @Sendable (RepositoryPath) -> Bool

    /// The entries of a tree, in its order: kept files and folders (not yet walked).
    /// - Parameter prefix: the tree's path from the root tree, with a trailing "/" (or none).
    func entries(of tree: OpaquePointer?, prefix: [UInt8]) -> [Item] {
        var items: [Item] = []
        let skipped = folder.isEmpty ? 0 : folder.utf8.count + 1
        for i in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, i), let id = git_tree_entry_id(entry)?.pointee,
                  let name = git_tree_entry_name(entry) else { continue }
            var path = prefix
            path.append(contentsOf: UnsafeRawBufferPointer(start: name, count: strlen(name)))
            let mode = git_tree_entry_filemode(entry)
            if mode == GIT_FILEMODE_TREE {
                items.append(.folder(path, id))
            } else if mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE, path.count >= skipped {
                // Every entry walked lies under `folder` (the walk starts there).
                let relative = path.withUnsafeBytes { RepositoryPath(bytes: UnsafeRawBufferPointer(rebasing: $0[skipped...])) }
                if include(relative) { items.append(.file(relative, ContentID(oid: id))) }
            }
        }
        return items
    }

    func entries(ofTree oid: git_oid, prefix: [UInt8], handle: OpaquePointer?) throws -> [Item] {
        var oid = oid
        var tree: OpaquePointer?
        try LibGit2.check(git_tree_lookup(&tree, handle, &oid), "cannot read folder `\(RepositoryPath(bytes: prefix.dropLast()))`")
        defer { git_tree_free(tree) }
        return entries(of: tree, prefix: prefix)
    }

    /// Every kept file under a folder, in tree order.
    func walk(_ oid: git_oid, prefix: [UInt8], handle: OpaquePointer?, into files: inout [(path: RepositoryPath, id: ContentID)]) throws {
        for item in try entries(ofTree: oid, prefix: prefix, handle: handle) {
            switch item {
            case .file(let path, let id): files.append((path, id))
            case .folder(let path, let oid): try walk(oid, prefix: path + [UInt8(ascii: "/")], handle: handle, into: &files)
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
