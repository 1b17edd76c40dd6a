/// A snapshot with some files replaced, added or removed: what the repository would look
/// like after an edit, validated before anything is written.
public struct OverlaySnapshot: Snapshot {
    public var base: Snapshot
    /// Path → new content; nil removes the file.
    public var overrides: [RepositoryPath: [UInt8]?]

    public init(base: Snapshot, overrides: [RepositoryPath: [UInt8]?]) {
        self.base = base
        self.overrides = overrides
    }

    public var label: String { base.label }
    public var confinement: RepositoryConfinement { base.confinement }

    public func read(_ path: RepositoryPath, upTo limit: Int) throws -> [UInt8]? {
        if let override = overrides[path] { return override.map { Array($0.prefix(limit)) } }
        return try base.read(path, upTo: limit)
    }

    public func contentID(_ path: RepositoryPath) -> String? {
        overrides[path] == nil ? base.contentID(path) : nil
    }

    public func contentIdentity(_ path: RepositoryPath) -> ContentID? {
        overrides[path] == nil ? base.contentIdentity(path) : nil
    }

    public func files(under root: String) throws -> [RepositoryPath] {
        let prefix = root.isEmpty || root == "." ? "" : (root.hasSuffix("/") ? root : root + "/")
        var paths = Set(try base.files(under: root))
        for (path, content) in overrides where path.hasPrefix(prefix) {
            if content == nil { paths.remove(path) } else { paths.insert(path) }
        }
        return paths.sorted()
    }
}
