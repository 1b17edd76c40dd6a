import AftermathCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The working tree's documents for a run that reads every one of them: listed by a walk that
/// does not examine each file (`WorkingTreeSnapshot.examinesFiles`), and identified as they
/// are read. A file's stat data is taken from the descriptor it is read through and compared
/// with its index entry as `WorkingTreeIDs` compares what it gets by name; a file that does
/// not match is hashed from the bytes just read. Reading examines every file anyway, so this
/// spares a `stat` of each (a noticeable part of a cold run's work), and
/// an ID is always that of the bytes that were checked.
///
/// IDs are asked for once the reads are done (`listing`): a document not read through one of
/// this snapshot's readers by then is identified by name, as `WorkingTreeIDs` would.
public final class ReadIdentifiedSnapshot: ListingSnapshot, @unchecked Sendable {
    public let base: WorkingTreeSnapshot
    /// Git's index, while documents are being identified.
    private var index: GitIndexFile?
    /// The Aftermath root relative to the git work tree, with a slash ("" when they are the same).
    private let prefix: String
    /// The walk's listing (documents not examined have the null ID), until they are identified.
    private var walked: ContentListing
    private let lock = NSLock()
    /// IDs found by readers, by position in the listing: each position is read by one reader,
    /// and the slots are taken only once no reader is left, so none is written as it is read.
    private var found: UnsafeMutableBufferPointer<ContentID>
    /// Readers that may still write to `found`.
    private var readers = 0
    private var identified: ContentListing?

    /// - Parameters:
    ///   - base: the working tree at the Aftermath root.
    ///   - listing: its documents, as `WorkingTreeIDs.listing` lists them.
    ///   - folder: that root relative to the git work tree ("" when they are the same).
    public var confinement: RepositoryConfinement { base.confinement }

    public init(base: WorkingTreeSnapshot, listing: ContentListing, folder: String, index: GitIndexFile?) {
        self.base = base
        walked = listing
        prefix = folder.isEmpty ? "" : folder + "/"
        self.index = index
        found = .allocate(capacity: listing.count)
        found.initialize(repeating: .null)
    }

    deinit { found.deallocate() }

    public var label: String { base.label }

    /// The documents with their IDs, complete.
    public var listing: ContentListing {
        lock.withLock {
            if let identified { return identified }
            var listing = walked
            for i in 0..<listing.count where listing.contentID(i) == .null {
                // With a reader still about, what it found cannot be read safely: by name instead.
                let id = readers == 0 ? found[i] : .null
                listing.setContentID(id != .null ? id : identifyByName(listing.path(i)), at: i)
            }
            identified = listing
            if readers == 0 {
                // Nothing reads them any more (readers made from now on only read).
                walked = ContentListing()
                found.deallocate()
                found = UnsafeMutableBufferPointer(start: nil, count: 0)
                index = nil
            }
            return listing
        }
    }

    /// Which files there are does not wait for their IDs.
    public func files(under root: String) throws -> [RepositoryPath] {
        Self.files(of: lock.withLock { identified ?? walked }, under: root)
    }

    public func read(_ path: RepositoryPath, upTo limit: Int) throws -> [UInt8]? { try base.read(path, upTo: limit) }

    public func reader() -> SnapshotReader { Reader(self) }

    /// Reads one thread's share in path order, identifying what it reads until the listing is
    /// complete (after that, it only reads).
    private final class Reader: SnapshotReader {
        let snapshot: ReadIdentifiedSnapshot
        /// What identifying reads need, taken once (nil for a reader that only reads): read
        /// through the snapshot's changing properties, every read retained and released their
        /// storage, which all threads share and contend for.
        let identifying: (walked: ContentListing, index: GitIndexFile?, found: UnsafeMutableBufferPointer<ContentID>)?
        let base: WorkingTreeSnapshot
        let prefix: String
        /// Where the last lookups ended, in the walk's listing and in the index.
        var listed = -1, indexed = -1

        init(_ snapshot: ReadIdentifiedSnapshot) {
            self.snapshot = snapshot
            base = snapshot.base
            prefix = snapshot.prefix
            identifying = snapshot.lock.withLock {
                guard snapshot.identified == nil else { return nil }
                snapshot.readers += 1
                return (snapshot.walked, snapshot.index, snapshot.found)
            }
        }

        deinit {
            if identifying != nil { snapshot.lock.withLock { snapshot.readers -= 1 } }
        }

        func read(_ path: RepositoryPath, upTo limit: Int) throws -> [UInt8]? {
            guard let identifying else { return try base.read(path, upTo: limit) }
            guard let read = try base.readExamined(path, upTo: limit) else { return nil }
            if let i = identifying.walked.index(of: path, hint: &listed), identifying.walked.contentID(i) == .null {
                identifying.found[i] = try identify(path, bytes: read.bytes, info: read.info, index: identifying.index)
            }
            return read.bytes
        }

        /// The ID of a file just read: its index entry's while the stat data matches (as git
        /// decides), else its bytes hashed — read again whole when they were cut at the limit.
        private func identify(_ path: RepositoryPath, bytes: [UInt8], info: stat, index: GitIndexFile?) throws -> ContentID {
            if let id = WorkingTreeIDs.indexedID(path, info, prefix: prefix, index: index, hint: &indexed) { return id }
            if bytes.count == Int(info.st_size) { return try GitRepository.blobID(of: bytes) }
            return try WorkingTreeIDs.hash(path.prefixed(by: base.root + "/")) ?? WorkingTreeIDs.unreadableID(path)
        }
    }

    /// The ID of a file no reader read, examined by name now; gone, it keeps an ID of its name
    /// (it reads as unreadable, as it would have through the walk that listed it).
    private func identifyByName(_ path: RepositoryPath) -> ContentID {
        var info = stat(), hint = -1
        if path.prefixed(by: base.root + "/").withCString({ lstat($0, &info) }) == 0, (info.st_mode & S_IFMT) == S_IFREG,
           let indexed = WorkingTreeIDs.indexedID(path, info, prefix: prefix, index: index, hint: &hint) {
            return indexed
        }
        return (try? WorkingTreeIDs.hash(path.prefixed(by: base.root + "/"))) ?? WorkingTreeIDs.unreadableID(path)
    }
}
