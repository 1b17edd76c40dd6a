import Foundation
import CLibGit2

/// What Aftermath needs to know about a commit.
public struct CommitInfo: Sendable, Equatable {
    public var id: GitObjectID
    public var parents: [GitObjectID]
    public var authorName: String
    public var authorEmail: String
    /// Author time, seconds since the epoch.
    public var time: Int64
    public var summary: String
}

extension GitRepository {
    public func commitInfo(_ id: GitObjectID) throws -> CommitInfo {
        guard var oid = id.raw else { throw GitError(message: "invalid commit id \(id)") }
        var commit: OpaquePointer?
        try LibGit2.check(git_commit_lookup(&commit, handle, &oid), "cannot read commit \(id.short)")
        defer { git_commit_free(commit) }
        var parents: [GitObjectID] = []
        for i in 0..<git_commit_parentcount(commit) {
            if let parent = git_commit_parent_id(commit, i) { parents.append(GitObjectID(parent.pointee)) }
        }
        let author = git_commit_author(commit)?.pointee
        return CommitInfo(
            id: id, parents: parents,
            authorName: author.flatMap { $0.name.map { String(cString: $0) } } ?? "",
            authorEmail: author.flatMap { $0.email.map { String(cString: $0) } } ?? "",
            time: Int64(author?.when.time ?? git_commit_time(commit)),
            summary: git_commit_summary(commit).map { String(cString: $0) } ?? "")
    }

    /// Commits reachable from `include` but not from `exclude`, oldest first (parents before
    /// children), merges included: `git rev-list --topo-order --reverse include --not exclude`.
    public func commits(from include: [GitObjectID], excluding exclude: [GitObjectID]) throws -> [GitObjectID] {
        var walk: OpaquePointer?
        try LibGit2.check(git_revwalk_new(&walk, handle), "cannot walk history")
        defer { git_revwalk_free(walk) }
        try LibGit2.check(git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue))
        for id in include {
            guard var oid = id.raw else { continue }
            try LibGit2.check(git_revwalk_push(walk, &oid), "cannot walk from \(id.short)")
        }
        for id in exclude {
            guard var oid = id.raw else { continue }
            try LibGit2.check(git_revwalk_hide(walk, &oid), "cannot exclude \(id.short) (is the clone too shallow?)")
        }
        var result: [GitObjectID] = []
        var oid = git_oid()
        while true {
            let rc = git_revwalk_next(&oid, walk)
            if rc == GIT_ITEROVER.rawValue { break }
            try LibGit2.check(rc, "cannot walk history")
            result.append(GitObjectID(oid))
        }
        return result
    }

    /// `A..B`: the commits of B not in A. A and B are anything `git rev-parse` accepts.
    public func range(_ expression: String) throws -> (base: GitObjectID, commits: [GitObjectID]) {
        let parts = expression.components(separatedBy: "..")
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[1].hasPrefix(".") else {
            throw GitError(message: "`\(expression)` is not a range: use BASE..TIP (e.g. origin/main..HEAD)")
        }
        let base = try resolveCommit(parts[0])
        let tip = try resolveCommit(parts[1])
        return (base, try commits(from: [tip], excluding: [base]))
    }

    /// Every commit reachable from HEAD, oldest first.
    public func historyFromHead() throws -> [GitObjectID] {
        try commits(from: [resolveCommit("HEAD")], excluding: [])
    }
}
