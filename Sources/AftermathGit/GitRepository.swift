import CLibGit2
import AftermathCore

/// An open git repository. Owns its libgit2 handle and frees it; use one per thread at a
/// time, as libgit2's threading rules require (`RepositoryPool` hands them out).
public final class GitRepository: @unchecked Sendable {
    let handle: OpaquePointer
    /// The path this repository was opened from, so pools can open siblings.
    public let openedPath: String
    let fromEnvironment: Bool

    /// - Parameter fromEnvironment: honour `GIT_DIR`, `GIT_INDEX_FILE`, `GIT_OBJECT_DIRECTORY`
    ///   and `GIT_ALTERNATE_OBJECT_DIRECTORIES`, as hooks need (git's quarantine during a push).
    public init(path: String, fromEnvironment: Bool = false) throws {
        LibGit2.ensureInitialized()
        var repo: OpaquePointer?
        if fromEnvironment {
            try LibGit2.check(git_repository_open_ext(&repo, nil, GIT_REPOSITORY_OPEN_FROM_ENV.rawValue, nil),
                              "cannot open the git repository from the environment")
        } else {
            do {
                try LibGit2.check(git_repository_open_ext(&repo, path, 0, nil), "\(path): not a git repository")
            } catch let error as GitError where error.code == GIT_EOWNER.rawValue || error.message.contains("safe.directory") {
                // libgit2's ownership check (CVE-2022-24765); 1.5 reports it as a missing setting.
                throw GitError(code: error.code, errorClass: error.errorClass,
                               message: "\(path): the repository is owned by another user; if you trust it, run `git config --global --add safe.directory \(path)`")
            }
        }
        guard let repo else { throw GitError(message: "\(path): not a git repository") }
        handle = repo
        openedPath = path
        self.fromEnvironment = fromEnvironment
    }

    deinit { git_repository_free(handle) }

    /// The git directory of the repository containing `path` (searching upward), or nil.
    public static func discover(from path: String) -> String? {
        LibGit2.ensureInitialized()
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        guard git_repository_discover(&buffer, path, 0, nil) == 0, let ptr = buffer.ptr else { return nil }
        return String(cString: ptr)
    }

    /// The working tree's root (with a trailing `/`), nil for a bare repository.
    public var workdir: String? { git_repository_workdir(handle).map { String(cString: $0) } }
    public var gitDirectory: String { String(cString: git_repository_path(handle)) }
    public var isBare: Bool { git_repository_is_bare(handle) == 1 }
    public var isEmpty: Bool { git_repository_is_empty(handle) == 1 }
    public var isShallow: Bool { git_repository_is_shallow(handle) == 1 }
    /// Whether HEAD names a branch with no commit yet: a new repository, whatever its first
    /// branch is called (`isEmpty` holds only for libgit2's default name), or an orphan branch.
    public var isHeadUnborn: Bool { git_repository_head_unborn(handle) == 1 }

    /// A sibling handle on the same repository, for another thread.
    public func reopen() throws -> GitRepository {
        try GitRepository(path: fromEnvironment ? openedPath : gitDirectory, fromEnvironment: fromEnvironment)
    }

    /// The commit a revision names (anything `git rev-parse` accepts).
    public func resolveCommit(_ revision: String) throws -> GitObjectID {
        if isEmpty && (revision == "HEAD" || revision.hasPrefix("HEAD")) {
            throw GitError(code: GIT_ENOTFOUND.rawValue, message: "the repository has no commits yet, so `\(revision)` does not exist")
        }
        var object: OpaquePointer?
        try LibGit2.check(git_revparse_single(&object, handle, revision), "unknown revision `\(revision)`")
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try LibGit2.check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "`\(revision)` does not name a commit")
        defer { git_object_free(commit) }
        guard let id = git_object_id(commit) else { throw GitError(message: "`\(revision)` has no id") }
        return GitObjectID(id.pointee)
    }

    /// Reads a blob, at most `limit` bytes of it.
    public func blob(_ id: GitObjectID, upTo limit: Int = .max) throws -> [UInt8] {
        guard let oid = id.raw else { throw GitError(message: "invalid object id \(id)") }
        return try blob(ContentID(oid: oid), upTo: limit)
    }
}
