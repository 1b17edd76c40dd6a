/// A snapshot seen from one of its folders: when the Aftermath root (the folder holding
/// `.aftermath.yml`) sits below the git work tree's root, git snapshots are read through this,
/// so paths stay relative to the Aftermath root like the working tree's.
public struct SubfolderSnapshot: Snapshot {
    public var base: Snapshot
    /// `docs/incidents/` — with a trailing slash, never empty.
    public var prefix: String

    public init(base: Snapshot, folder: String) {
        self.base = base
        prefix = folder.hasSuffix("/") ? folder : folder + "/"
    }

    public var label: String { base.label }

    public func read(_ path: RepositoryPath, upTo limit: Int) throws -> [UInt8]? { try base.read(path.prefixed(by: prefix), upTo: limit) }

    public func files(under root: String) throws -> [RepositoryPath] {
        let count = prefix.utf8.count
        return try base.files(under: prefix + root).map { $0.droppingPrefix(byteCount: count) }
    }

    public func contentID(_ path: RepositoryPath) -> String? { base.contentID(path.prefixed(by: prefix)) }
    public func contentIdentity(_ path: RepositoryPath) -> ContentID? { base.contentIdentity(path.prefixed(by: prefix)) }
    public func contentIdentities(_ sortedPaths: [RepositoryPath]) -> [ContentID?] { base.contentIdentities(sortedPaths.map { $0.prefixed(by: prefix) }) }
    public func reader() -> SnapshotReader { PrefixedReader(base: base.reader(), prefix: prefix) }

    /// The base snapshot's reader, paths taken below the folder.
    private final class PrefixedReader: SnapshotReader {
        let base: SnapshotReader
        let prefix: String
        init(base: SnapshotReader, prefix: String) {
            self.base = base
            self.prefix = prefix
        }
        func read(_ path: RepositoryPath, upTo limit: Int) throws -> [UInt8]? { try base.read(path.prefixed(by: prefix), upTo: limit) }
    }
}
