/// A read-only view of a repository's files at one moment: the working tree, the git index,
/// or a commit's tree. The domain reads documents, configuration and schemas only through this.
public protocol Snapshot: Sendable {
    /// How messages name this snapshot: `working tree`, `index`, `HEAD (1a2b3c4)`.
    var label: String { get }
    /// The bytes of a repository-relative path, or nil when there is no such file. At most
    /// `limit` bytes are returned, so a huge hostile file is never read whole (callers pass
    /// their size limit plus one and report anything longer).
    func read(_ path: String, upTo limit: Int) throws -> [UInt8]?
    /// Repository-relative paths of the regular files under `root` (a folder path), sorted.
    func files(under root: String) throws -> [String]
    /// An ID of the file's content (git's blob ID) when the snapshot knows one without reading:
    /// equal IDs mean equal bytes, so parse results can be reused.
    func contentID(_ path: String) -> String?
    /// The same ID in binary form, without a round trip through hex where the snapshot holds it so.
    func contentIdentity(_ path: String) -> ContentID?
    /// The IDs of many paths, sorted: one pass where the snapshot holds a sorted listing.
    func contentIdentities(_ sortedPaths: [String]) -> [ContentID?]
    /// A reader for one thread's share of a run's reads, which come in path order.
    func reader() -> SnapshotReader
    /// How paths named by the configuration are kept inside the repository.
    var confinement: RepositoryConfinement { get }
}

/// Reads files of a snapshot for one thread, in path order: a reader may keep what one read
/// learnt for the next (where the last file was found in a listing).
public protocol SnapshotReader: AnyObject {
    func read(_ path: String, upTo limit: Int) throws -> [UInt8]?
}

/// A snapshot's plain `read`, for snapshots with nothing to keep between reads.
final class SnapshotReading: SnapshotReader {
    let snapshot: Snapshot
    init(_ snapshot: Snapshot) { self.snapshot = snapshot }
    func read(_ path: String, upTo limit: Int) throws -> [UInt8]? { try snapshot.read(path, upTo: limit) }
}

extension Snapshot {
    public func read(_ path: String) throws -> [UInt8]? { try read(path, upTo: Int.max) }
    public func contentID(_ path: String) -> String? { nil }
    public func contentIdentity(_ path: String) -> ContentID? { contentID(path).flatMap(ContentID.init(hex:)) }
    public func contentIdentities(_ sortedPaths: [String]) -> [ContentID?] { sortedPaths.map(contentIdentity) }
    public func reader() -> SnapshotReader { SnapshotReading(self) }
    public var confinement: RepositoryConfinement { .lexical }
}

/// A snapshot held in memory: tests, rule examples, and files about to be written.
public struct InMemorySnapshot: Snapshot {
    public var label: String
    public var contents: [String: [UInt8]]

    public init(label: String = "memory", files: [String: String]) {
        self.label = label
        self.contents = files.mapValues { Array($0.utf8) }
    }

    public func read(_ path: String, upTo limit: Int) throws -> [UInt8]? { contents[path].map { Array($0.prefix(limit)) } }

    public func files(under root: String) throws -> [String] {
        let prefix = root.isEmpty || root == "." ? "" : (root.hasSuffix("/") ? root : root + "/")
        return contents.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }
}

/// A snapshot that could not be read (I/O or git failure). The edge maps it to exit code 4.
public struct SnapshotError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
