import CLibGit2
import Foundation

extension GitRepository {
    /// Refuses (before anything is written) when a commit of ours would sweep up someone
    /// else's work: changes already staged, or an index locked by another git process.
    public func ensureCommittable() throws {
        if FileManager.default.fileExists(atPath: gitDirectory + "index.lock") {
            throw GitError(code: GIT_ELOCKED.rawValue, message: "the git index is locked (\(gitDirectory)index.lock exists): another git process is running, or remove the stale lock")
        }
        // A read-only repository would fail only after the document was written: probe first.
        let probe = gitDirectory + ".aftermath-write-check-\(getpid())"
        guard FileManager.default.createFile(atPath: probe, contents: nil) else {
            throw GitError(message: "the repository is read-only (cannot write in \(gitDirectory)); nothing was written")
        }
        try? FileManager.default.removeItem(atPath: probe)
        var index: OpaquePointer?
        try LibGit2.check(git_repository_index(&index, handle), "cannot read the index")
        defer { git_index_free(index) }
        var headTree: OpaquePointer?
        if !isEmpty {
            let head = try resolveCommit("HEAD")
            guard var oid = head.raw else { return }
            var commit: OpaquePointer?
            try LibGit2.check(git_commit_lookup(&commit, handle, &oid), "cannot read HEAD")
            defer { git_commit_free(commit) }
            try LibGit2.check(git_commit_tree(&headTree, commit), "cannot read HEAD's tree")
        }
        defer { git_tree_free(headTree) }
        var diff: OpaquePointer?
        try LibGit2.check(git_diff_tree_to_index(&diff, handle, headTree, index, nil), "cannot compare the index with HEAD")
        defer { git_diff_free(diff) }
        let staged = git_diff_num_deltas(diff)
        if staged > 0 {
            throw GitError(message: "the index already holds \(staged) staged change\(staged == 1 ? "" : "s"); commit or unstage them before using --commit (nothing was written)")
        }
    }

    /// Stages `paths` (repository-relative) and commits them on HEAD with the user's
    /// configured identity. Returns the new commit.
    @discardableResult
    public func commit(paths: [String], message: String) throws -> GitObjectID {
        var index: OpaquePointer?
        try LibGit2.check(git_repository_index(&index, handle), "cannot read the index")
        defer { git_index_free(index) }
        for path in paths {
            if FileManager.default.fileExists(atPath: (workdir ?? "") + path) {
                try LibGit2.check(git_index_add_bypath(index, path), "cannot stage \(path)")
            } else {
                try LibGit2.check(git_index_remove_bypath(index, path), "cannot stage the removal of \(path)")
            }
        }
        try LibGit2.check(git_index_write(index), "cannot write the index")
        var treeID = git_oid()
        try LibGit2.check(git_index_write_tree(&treeID, index), "cannot write the tree")
        var tree: OpaquePointer?
        try LibGit2.check(git_tree_lookup(&tree, handle, &treeID), "cannot read the new tree")
        defer { git_tree_free(tree) }
        let author = try signature(role: "AUTHOR")
        defer { git_signature_free(author) }
        let committer = try signature(role: "COMMITTER")
        defer { git_signature_free(committer) }
        var parent: OpaquePointer?
        if !isEmpty {
            guard var oid = try resolveCommit("HEAD").raw else { throw GitError(message: "cannot read HEAD") }
            try LibGit2.check(git_commit_lookup(&parent, handle, &oid), "cannot read HEAD")
        }
        defer { git_commit_free(parent) }
        var commitID = git_oid()
        var parents: [OpaquePointer?] = parent == nil ? [] : [parent]
        _ = try parents.withUnsafeMutableBufferPointer { buffer in
            try LibGit2.check(git_commit_create(&commitID, handle, "HEAD", author, committer, nil, message, tree,
                                                buffer.count, buffer.baseAddress), "cannot create the commit")
        }
        return GitObjectID(commitID)
    }

    /// The identity git itself would use: `GIT_AUTHOR_NAME`/`GIT_AUTHOR_EMAIL` (or the
    /// committer's) from the environment over `user.name`/`user.email` from the configuration.
    private func signature(role: String) throws -> UnsafeMutablePointer<git_signature>? {
        let environment = ProcessInfo.processInfo.environment
        let identity = GitIdentity.current(repository: self)
        guard let name = environment["GIT_\(role)_NAME"] ?? identity.name,
              let email = environment["GIT_\(role)_EMAIL"] ?? identity.email else {
            throw GitError(message: "git has no identity: set user.name and user.email (git config --global user.name …)")
        }
        var signature: UnsafeMutablePointer<git_signature>?
        try LibGit2.check(git_signature_now(&signature, name, email), "invalid git identity `\(name) <\(email)>`")
        return signature
    }
}
