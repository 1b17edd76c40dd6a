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

    public func read(_ path: String, upTo limit: Int) throws -> [UInt8]? { try base.read(prefix + path, upTo: limit) }

    public func files(under root: String) throws -> [String] {
        try base.files(under: prefix + root).map { String($0.dropFirst(prefix.count)) }
    }

    public func contentID(_ path: String) -> String? { base.contentID(prefix + path) }
    public func contentIdentity(_ path: String) -> ContentID? { base.contentIdentity(prefix + path) }
    public func contentIdentities(_ sortedPaths: [String]) -> [ContentID?] { base.contentIdentities(sortedPaths.map { prefix + $0 }) }
    public func reader() -> SnapshotReader { PrefixedReader(base: base.reader(), prefix: prefix) }

    /// The base snapshot's reader, paths taken below the folder.
    private final class PrefixedReader: SnapshotReader {
        let base: SnapshotReader
        let prefix: String
        init(base: SnapshotReader, prefix: String) {
            self.base = base
            self.prefix = prefix
        }
        func read(_ path: String, upTo limit: Int) throws -> [UInt8]? { try base.read(prefix + path, upTo: limit) }
    }
}
