import CLibGit2
import AftermathCore

extension GitRepository {
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
