import Foundation
import CLibGit2

extension GitRepository {
    /// The kind of signature a commit carries — `gpg` (OpenPGP), `ssh` or `x509` — or nil
    /// when it is unsigned. Whether the signature verifies is another question, for
    /// `git verify-commit` with the signers' keys.
    public func signatureKind(of commit: GitObjectID) throws -> String? {
        guard var oid = commit.raw else { throw GitError(message: "invalid commit id \(commit)") }
        var signature = git_buf(), signed = git_buf()
        defer {
            git_buf_dispose(&signature)
            git_buf_dispose(&signed)
        }
        let rc = git_commit_extract_signature(&signature, &signed, handle, &oid, nil)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try LibGit2.check(rc, "cannot read the signature of commit \(commit.short)")
        let text = signature.ptr.map { String(cString: $0) } ?? ""
        if text.hasPrefix("-----BEGIN SSH SIGNATURE-----") { return "ssh" }
        if text.hasPrefix("-----BEGIN SIGNED MESSAGE-----") { return "x509" }
        return "gpg"
    }

    /// The commits a shallow clone has without their parents (`.git/shallow`): history stops
    /// there. Empty for a complete clone.
    public func shallowBoundary() -> Set<GitObjectID> {
        guard isShallow, let text = try? String(contentsOfFile: gitDirectory + "shallow", encoding: .utf8) else { return [] }
        return Set(text.split(whereSeparator: \.isNewline).map { GitObjectID(hex: String($0)) })
    }

    /// The full name of the branch HEAD is on (`refs/heads/main`), nil when HEAD is detached.
    public var headBranch: String? {
        var head: OpaquePointer?
        guard git_reference_lookup(&head, handle, "HEAD") == 0 else { return nil }
        defer { git_reference_free(head) }
        guard git_reference_type(head) == GIT_REFERENCE_SYMBOLIC, let target = git_reference_symbolic_target(head) else { return nil }
        return String(cString: target)
    }
}

extension GitRepository {
    /// Every commit reachable from `tip`, parents before children, that this clone has: in a
    /// shallow clone history stops at the boundary instead of failing on the parents it lacks
    /// (which libgit2's walk does).
    public func presentAncestry(of tip: GitObjectID) throws -> [GitObjectID] {
        if !isShallow { return try commits(from: [tip], excluding: []) }
        var order: [GitObjectID] = []
        var seen: Set<GitObjectID> = [tip]
        // Depth first, a commit emitted once all its parents are.
        var stack: [(id: GitObjectID, parents: [GitObjectID], next: Int)] = [(tip, try commitInfo(tip).parents, 0)]
        while !stack.isEmpty {
            let top = stack.count - 1
            if stack[top].next < stack[top].parents.count {
                let parent = stack[top].parents[stack[top].next]
                stack[top].next += 1
                guard hasCommit(parent), seen.insert(parent).inserted else { continue }
                stack.append((parent, try commitInfo(parent).parents, 0))
            } else {
                order.append(stack.removeLast().id)
            }
        }
        return order
    }
}
