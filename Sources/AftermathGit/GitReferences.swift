import CLibGit2

extension GitRepository {
    /// The commits every reference points at (tags peeled), for `--not --all`.
    public func referencedCommits() throws -> [GitObjectID] {
        var names = git_strarray()
        try LibGit2.check(git_reference_list(&names, handle), "cannot list references")
        defer { git_strarray_dispose(&names) }
        var commits: [GitObjectID] = []
        for i in 0..<names.count {
            guard let name = names.strings[i] else { continue }
            var object: OpaquePointer?
            guard git_revparse_single(&object, handle, name) == 0 else { continue }
            defer { git_object_free(object) }
            var commit: OpaquePointer?
            guard git_object_peel(&commit, object, GIT_OBJECT_COMMIT) == 0 else { continue }
            defer { git_object_free(commit) }
            if let id = git_object_id(commit) { commits.append(GitObjectID(id.pointee)) }
        }
        return commits
    }

    /// The commit a symbolic HEAD points at (the default branch of a bare repository), if any.
    public var defaultBranchCommit: GitObjectID? {
        try? resolveCommit("HEAD")
    }

    /// Whether a commit object is present (pushed objects can be missing from a broken push).
    public func hasCommit(_ id: GitObjectID) -> Bool {
        guard var oid = id.raw else { return false }
        var commit: OpaquePointer?
        guard git_commit_lookup(&commit, handle, &oid) == 0 else { return false }
        git_commit_free(commit)
        return true
    }
}

extension GitRepository {
    /// Whether `commit` has `ancestor` in its history (a fast-forward from `ancestor`).
    public func isDescendant(_ commit: GitObjectID, of ancestor: GitObjectID) -> Bool {
        guard var a = commit.raw, var b = ancestor.raw else { return false }
        if commit == ancestor { return true }
        return git_graph_descendant_of(handle, &a, &b) == 1
    }

    public func hasObject(_ id: GitObjectID) -> Bool {
        guard var oid = id.raw else { return false }
        var object: OpaquePointer?
        guard git_object_lookup(&object, handle, &oid, GIT_OBJECT_ANY) == 0 else { return false }
        git_object_free(object)
        return true
    }
}
