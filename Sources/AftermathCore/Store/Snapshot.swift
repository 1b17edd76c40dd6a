/// A read-only view of a repository's files at one moment: the working tree, the git index,
/// or a commit's tree. The domain reads documents, configuration and schemas only through this.
public protocol Snapshot: Sendable {
    /// How messages name this snapshot: `working tree`, `index`, `HEAD (1a2b3c4)`.
    var label: String { get }
    /// The bytes of a repository-relative path, or nil when there is no such file. At most
    /// `limit` bytes are returned, so a huge hostile file is never read whole (callers pass
    /// their size limit plus one and report anything longer).
    func read(_ path: RepositoryPath, upTo limit: Int) throws -> [UInt8]?
    /// Repository-relative paths of the regular files under `root` (a folder path), sorted.
    func files(under root: String) throws -> [RepositoryPath]
    /// An ID of the file's content (git's blob ID) when the snapshot knows one without reading:
    /// equal IDs mean equal bytes, so parse results can be reused.
    func contentID(_ path: RepositoryPath) -> String?
    /// The same ID in binary form, without a round trip through hex where the snapshot holds it so.
    func contentIdentity(_ path: RepositoryPath) -> ContentID?
    /// The IDs of many paths, sorted: one pass where the snapshot holds a sorted listing.
    func contentIdentities(_ sortedPaths: [RepositoryPath]) -> [ContentID?]
    /// A reader for one thread's share of a run's reads, which come in path order.
    func reader() -> SnapshotReader
    /// How paths named by the configuration are kept inside the repository.
    var confinement: RepositoryConfinement { get }
}

/// Reads files of a snapshot for one thread, in path order: a reader may keep what one read
/// learnt for the next (where the last file was found in a listing).
public protocol SnapshotReader: AnyObject {
    func read(_ path: RepositoryPath, upTo limit: Int) throws -> [UInt8]?
}

extension SnapshotReader {
    /// A file named by text: its UTF-8 bytes are the path.
    public func read(_ path: String, upTo limit: Int) throws -> [UInt8]? { try read(RepositoryPath(path), upTo: limit) }
}

/// A snapshot's plain `read`, for snapshots with nothing to keep between reads.
final class SnapshotReading: SnapshotReader {
    let snapshot: Snapshot
    init(_ snapshot: Snapshot) { self.snapshot = snapshot }
    func read(_ path: RepositoryPath, upTo limit: Int) throws -> [UInt8]? { try snapshot.read(path, upTo: limit) }
}

extension Snapshot {
    public func read(_ path: RepositoryPath) throws -> [UInt8]? { try read(path, upTo: Int.max) }
    /// A file named by text (configuration, schemas): its UTF-8 bytes are the path.
    public func read(_ path: String, upTo limit: Int) throws -> [UInt8]? { try read(RepositoryPath(path), upTo: limit) }
    public func read(_ path: String) throws -> [UInt8]? { try read(RepositoryPath(path), upTo: Int.max) }
    public func contentID(_ path: String) -> String? { contentID(RepositoryPath(path)) }
    public func contentIdentity(_ path: String) -> ContentID? { contentIdentity(RepositoryPath(path)) }
    public func contentIdentities(_ sortedPaths: [String]) -> [ContentID?] { contentIdentities(sortedPaths.map { RepositoryPath($0) }) }
    public func contentID(_ path: RepositoryPath) -> String? { nil }
    public func contentIdentity(_ path: RepositoryPath) -> ContentID? { contentID(path).flatMap(ContentID.init(hex:)) }
    public func contentIdentities(_ sortedPaths: [RepositoryPath]) -> [ContentID?] { sortedPaths.map(contentIdentity) }
    public func reader() -> SnapshotReader { SnapshotReading(self) }
    public var confinement: RepositoryConfinement { .lexical }
}

/// A snapshot held in memory: tests, rule examples, and files about to be written.
public struct InMemorySnapshot: Snapshot {
    public var label: String
    /// Path → bytes; paths are byte strings, so names git keeps apart stay apart here too.
    public var contents: [RepositoryPath: [UInt8]]

    public init(label: String = "memory", files: [String: String]) {
        self.label = label
        self.contents = Dictionary(files.map { (RepositoryPath($0.key), Array($0.value.utf8)) }, uniquingKeysWith: { a, _ in a })
    }

    public init(label: String = "memory", contents: [RepositoryPath: [UInt8]]) {
        self.label = label
        self.contents = contents
    }

    public func read(_ path: RepositoryPath, upTo limit: Int) throws -> [UInt8]? { contents[path].map { Array($0.prefix(limit)) } }

    public func files(under root: String) throws -> [RepositoryPath] {
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
