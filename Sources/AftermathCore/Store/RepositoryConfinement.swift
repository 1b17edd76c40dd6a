/// Keeps every path named by the configuration (`owners`, `roots`, the `schema/` files) or on
/// the command line inside the repository: a repository's own files must never make the tool
/// read, list or write elsewhere on the machine (a hostile `owners: ../../etc/shadow` would
/// otherwise have its lines echoed back as diagnostics).
///
/// A path is confined when it is relative, has no `..` component, and, where a file system
/// lies under the snapshot, the real path (symbolic links resolved) of its deepest existing
/// folder or file is the repository root or lies below it.
public struct RepositoryConfinement: Sendable {
    /// The real path of the repository root; nil where no file system lies under the snapshot
    /// (git trees, memory), which cannot hold links that lead elsewhere.
    let realRoot: String?
    /// The real path of an absolute path, or nil when it does not exist.
    let realPath: @Sendable (String) -> String?
    let root: String

    /// Only the rule on the path's text.
    public static let lexical = RepositoryConfinement(root: "", realRoot: nil) { _ in nil }

    /// - Parameter realPath: resolves symbolic links (`realpath(3)`); supplied by the storage
    ///   module, as this one does no I/O of its own.
    public init(root: String, realRoot: String?, realPath: @escaping @Sendable (String) -> String?) {
        self.root = root
        self.realRoot = realRoot
        self.realPath = realPath
    }

    /// Why `path` (repository-relative) is not inside the repository, or nil when it is.
    public func problem(_ path: String) -> String? {
        if let problem = Self.lexicalProblem(path) { return problem }
        guard let realRoot else { return nil }
        // The deepest part of the path that exists decides: what does not exist yet will be
        // created inside whatever that part resolves to.
        var components = path.split(separator: "/").map(String.init)
        while true {
            let candidate = components.isEmpty ? root : root + "/" + components.joined(separator: "/")
            if let real = realPath(candidate) {
                return real == realRoot || real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/")
                    ? nil : "leads outside the repository through a symbolic link"
            }
            if components.isEmpty { return nil }
            components.removeLast()
        }
    }

    /// The rule on the text alone: relative, no `..`, no NUL.
    public static func lexicalProblem(_ path: String) -> String? {
        if path.hasPrefix("/") { return "is an absolute path, outside the repository; name a path relative to the repository root" }
        if path.utf8.contains(0) { return "contains a NUL character" }
        if path.split(separator: "/", omittingEmptySubsequences: true).contains("..") {
            return "contains `..`, which leads outside the repository or back into it; name a path relative to the repository root without `..`"
        }
        return nil
    }
}
