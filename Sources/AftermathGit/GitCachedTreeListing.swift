import CLibGit2
import AftermathCore

extension GitRepository {
    /// What `listing(ofTree:under:matching:)` lists, with every folder whose tree git's index
    /// caches unchanged (`GitIndexFile.cachedTrees`) taken from the index instead of read: after
    /// a commit, no tree is read at all; with a few files staged, only the folders above them.
    public func listing(ofTree tree: ContentID, under folder: String, matching filter: DocumentPathFilter, index: GitIndexFile) throws -> ContentListing {
        let prefix: [UInt8] = folder.isEmpty ? [] : Array((folder + "/").utf8)
        var listing = ContentListing()
        var inOrder = true
        // Trees order folders as if their names ended in "/", which is byte order for whole
        // paths, and the index keeps that order: the walk appends in order.
        func keep(_ path: UnsafeRawBufferPointer, _ id: ContentID) {
            guard path.starts(with: prefix) else { return }
            let relative = UnsafeRawBufferPointer(rebasing: path[prefix.count...])
            if filter.matches(relative) { inOrder = listing.append(path: relative, id: id) && inOrder }
        }
        func visit(_ tree: ContentID, at path: String) throws {
            if index.cachedTrees[path] == tree {
                for i in index.files.indices(under: path) { index.files.withPathBytes(i) { keep($0, index.files.contentID(i)) } }
                return
            }
            var oid = tree.oid
            var object: OpaquePointer?
            try LibGit2.check(git_tree_lookup(&object, handle, &oid), "cannot read tree \(tree.hex.prefix(12))")
            defer { git_tree_free(object) }
            for i in 0..<git_tree_entrycount(object) {
                guard let entry = git_tree_entry_byindex(object, i), let id = git_tree_entry_id(entry)?.pointee else { continue }
                let child = (path.isEmpty ? "" : path + "/") + String(cString: git_tree_entry_name(entry))
                let mode = git_tree_entry_filemode(entry)
                if mode == GIT_FILEMODE_TREE {
                    // Only the folders on the way to `folder` and those inside it.
                    let bytes = Array((child + "/").utf8)
                    if prefix.starts(with: bytes) || bytes.starts(with: prefix) { try visit(ContentID(oid: id), at: child) }
                } else if mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE {
                    Array(child.utf8).withUnsafeBytes { keep($0, ContentID(oid: id)) }
                }
            }
        }
        try visit(tree, at: "")
        return inOrder ? listing : try self.listing(ofTree: tree, under: folder, matching: filter.matches)
    }
}
