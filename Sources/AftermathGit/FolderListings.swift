import AftermathCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a working-tree walk found in each folder, kept so that the next walk lists only the
/// folders that changed, as git's untracked cache does. Listing a folder is most of a warm
/// walk's cost on ext4 (it builds a hash tree of the entries for every read); a folder's stat
/// data is cheap, and any entry added, removed or renamed changes its modification and change
/// times. A folder is taken from here only when its stat data is the one recorded and those
/// times were at least `trustMargin` older than the walk that recorded them: a change made
/// after that walk looked is then sure to give the folder other times, even on a file system
/// that keeps them to the second or two. Files are still examined one by one, so a file's
/// content is never taken from here: only which names a folder holds.
///
/// Derived and disposable like the summary (`.git/aftermath/folders-v<version>`): checksummed,
/// for one root, ignored when damaged or of another version, and read in place.
///
/// Layout: magic, version, checksum of what follows, root path, recording time, folder count,
/// one 8-byte offset per folder record (sorted by path bytes), then the records: path, stamp,
/// a flag byte (holds a `.git`; entries complete), entry count, the entries' byte count, and
/// the entries (a flag byte, folder or file, then the name's length, its bytes and a NUL, so a
/// name can be handed to `fstatat` in place).
public struct FolderListings: Sendable {
    public static let formatVersion: UInt64 = 1
    /// Seconds a folder's times must precede the walk that records it before it is trusted.
    public static let trustMargin: Int64 = 2
    static let magic = Array("AFTFOLD\n".utf8)

    /// A folder's identity and change stamps, from its stat data.
    public struct Stamp: Equatable, Sendable {
        public var device, inode, size, links: UInt64
        public var modified, changed: Time

        public init(device: UInt64, inode: UInt64, size: UInt64, links: UInt64, modified: Time, changed: Time) {
            (self.device, self.inode, self.size, self.links, self.modified, self.changed) = (device, inode, size, links, modified, changed)
        }

        /// As the file holds it: eight fixed words.
        func write(to writer: inout ByteWriter) {
            for word in [device, inode, size, links, UInt64(bitPattern: modified.seconds), UInt64(modified.nanoseconds),
                         UInt64(bitPattern: changed.seconds), UInt64(changed.nanoseconds)] {
                writer.fixed(word)
            }
        }

        static func read(from reader: inout ByteReader) -> Stamp? {
            guard let device = reader.fixed(), let inode = reader.fixed(), let size = reader.fixed(), let links = reader.fixed(),
                  let modifiedSeconds = reader.fixed(), let modifiedNanoseconds = reader.fixed(),
                  let changedSeconds = reader.fixed(), let changedNanoseconds = reader.fixed() else { return nil }
            return Stamp(device: device, inode: inode, size: size, links: links,
                         modified: Time(seconds: Int64(bitPattern: modifiedSeconds), nanoseconds: Int64(bitPattern: modifiedNanoseconds)),
                         changed: Time(seconds: Int64(bitPattern: changedSeconds), nanoseconds: Int64(bitPattern: changedNanoseconds)))
        }
    }

    /// A wall-clock or file-system time.
    public struct Time: Equatable, Comparable, Sendable {
        public var seconds: Int64
        public var nanoseconds: Int64
        public init(seconds: Int64, nanoseconds: Int64) { (self.seconds, self.nanoseconds) = (seconds, nanoseconds) }
        /// A stat time as `Platform` gives it.
        init(_ time: (seconds: Int, nanoseconds: Int)) { self.init(seconds: Int64(time.seconds), nanoseconds: Int64(time.nanoseconds)) }
        public static func < (a: Time, b: Time) -> Bool { (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds) }
    }

    /// A folder as a walk found it, for writing.
    public struct Record: Sendable {
        public var path: [UInt8]
        public var stamp: Stamp
        /// The folder holds a `.git`: below the top of a walk it is another repository, whose
        /// entries are not listed (`entries` is then empty and not `complete`).
        public var holdsGit: Bool
        public var complete: Bool
        /// Its regular files and folders, in git's order (`.git` left out), encoded as in the
        /// file (`Entries`): a walk records a folder with one allocation, not one per name.
        public var encodedEntries: Entries

        public init(path: [UInt8], stamp: Stamp, holdsGit: Bool, complete: Bool, entries: Entries) {
            (self.path, self.stamp, self.holdsGit, self.complete, self.encodedEntries) = (path, stamp, holdsGit, complete, entries)
        }

        /// The entries as names, for a reader that edits them.
        public var entries: [(name: [UInt8], folder: Bool)] {
            get { encodedEntries.decoded }
            set {
                var entries = Entries()
                for entry in newValue { entry.name.withUnsafeBytes { entries.append($0, folder: entry.folder) } }
                encodedEntries = entries
            }
        }
    }

    /// A folder's entries as the file holds them, appended one at a time.
    public struct Entries: Sendable {
        public private(set) var bytes: [UInt8] = []
        public private(set) var count = 0

        public init() {}

        /// Room for `byteCount` bytes of entries: a name takes its length and two to three more.
        public init(reservingCapacity byteCount: Int) { bytes.reserveCapacity(byteCount) }

        init(bytes: [UInt8], count: Int) { (self.bytes, self.count) = (bytes, count) }

        public mutating func append(_ name: UnsafeRawBufferPointer, folder: Bool) {
            var writer = ByteWriter()
            swap(&writer.buffer, &bytes)
            defer { swap(&writer.buffer, &bytes) }
            writer.buffer.append(folder ? 1 : 0)
            writer.varint(UInt64(name.count))
            writer.buffer.append(contentsOf: name)
            writer.buffer.append(0)
            count += 1
        }

        var decoded: [(name: [UInt8], folder: Bool)] {
            var result: [(name: [UInt8], folder: Bool)] = []
            bytes.withUnsafeBytes { raw in
                var reader = ByteReader(raw)
                for _ in 0..<count {
                    guard let flag = reader.byte(), let length = reader.varint(), let name = reader.bytes(Int(clamping: length)), reader.byte() == 0 else { return }
                    result.append((Array(name), flag == 1))
                }
            }
            return result
        }
    }

    /// A stored folder, read in place.
    public struct Folder: Sendable {
        public let stamp: Stamp
        public let holdsGit: Bool
        /// Its entries were all listed (see `Record.complete`).
        public let complete: Bool
        public let entryCount: Int
        /// Where its record starts (with its path) and where its entries start.
        let start: Int
        let entriesStart: Int
        let entriesLength: Int
        var end: Int { entriesStart + entriesLength }
    }

    private let store: ByteStore
    public let root: String
    /// When the walk that recorded these folders started.
    public let recordedAt: Time
    private let offsets: Int
    public let count: Int

    /// Nil when the bytes are not a whole, undamaged file of this version.
    public init?(_ store: ByteStore) {
        let raw = store.buffer
        guard raw.count >= 24, Array(raw[0..<8]) == Self.magic,
              UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) == Self.formatVersion,
              UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)) == SummaryChecksum.of(UnsafeRawBufferPointer(rebasing: raw[24...]))
        else { return nil }
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[24...]))
        guard let root = reader.string(), let seconds = reader.int(), let nanoseconds = reader.int(),
              let count = reader.varint(), count <= UInt64(raw.count / 8) else { return nil }
        let offsets = 24 + reader.position
        guard offsets + Int(count) * 8 <= raw.count else { return nil }
        self.store = store
        self.root = root
        recordedAt = Time(seconds: Int64(seconds), nanoseconds: Int64(nanoseconds))
        self.offsets = offsets
        self.count = Int(count)
    }

    /// The stored folder at `path` (relative to the root, "" for the root itself); nil when
    /// there is none or its record does not read.
    public func folder(at path: RepositoryPath) -> Folder? { path.withBytes { folder(at: $0) } }

    private func folder(at path: UnsafeRawBufferPointer) -> Folder? {
        let raw = store.buffer
        let found = SortedBytes.lowerBound(path, count: count) { recordPath($0)?.1 ?? UnsafeRawBufferPointer(start: nil, count: 0) }
        guard found < count, let (start, stored) = recordPath(found), SnapshotDelta.compare(stored, path) == 0 else { return nil }
        let afterPath = stored.count + (stored.baseAddress! - raw.baseAddress!)
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[afterPath...]))
        guard let stamp = Stamp.read(from: &reader), let flags = reader.byte(), let entries = reader.varint(), entries <= UInt64(raw.count),
              let length = reader.varint(), length <= UInt64(raw.count) else { return nil }
        let entriesStart = afterPath + reader.position
        guard entriesStart + Int(length) <= raw.count else { return nil }
        return Folder(stamp: stamp, holdsGit: flags & 1 != 0, complete: flags & 2 != 0, entryCount: Int(entries),
                      start: start, entriesStart: entriesStart, entriesLength: Int(length))
    }

    /// The record `i`'s start and its path bytes.
    private func recordPath(_ i: Int) -> (Int, UnsafeRawBufferPointer)? {
        let raw = store.buffer
        let start = Int(truncatingIfNeeded: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offsets + i * 8, as: UInt64.self)))
        guard start >= 0, start < raw.count else { return nil }
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[start...]))
        guard let length = reader.varint(), let path = reader.bytes(Int(clamping: length)) else { return nil }
        return (start, path)
    }

    /// Whether `folder`, found with `current` stat data now, still holds what was recorded.
    public func isCurrent(_ folder: Folder, _ current: Stamp) -> Bool {
        folder.stamp == current && Self.isSettled(folder.stamp, recordedAt: recordedAt)
    }

    /// Whether a folder with `stamp`, recorded by a walk that started at `recordedAt`, can be
    /// trusted: its times precede the walk by `trustMargin` or more.
    public static func isSettled(_ stamp: Stamp, recordedAt: Time) -> Bool {
        let trusted = Time(seconds: recordedAt.seconds - trustMargin, nanoseconds: recordedAt.nanoseconds)
        return stamp.modified < trusted && stamp.changed < trusted
    }

    /// Calls `body` with each entry of `folder` in order: its name as a NUL-terminated C
    /// string with its byte count, and whether it is a folder. False when the record is
    /// damaged or names something that is not a plain name (with a `/`, empty, `.` or `..`):
    /// the folder is then listed instead.
    public func forEachEntry(of folder: Folder, _ body: (UnsafePointer<CChar>, Int, Bool) throws -> Void) rethrows -> Bool {
        let raw = store.buffer
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[folder.entriesStart..<(folder.entriesStart + folder.entriesLength)]))
        for _ in 0..<folder.entryCount {
            guard let flag = reader.byte(), flag <= 1, let length = reader.varint(), length > 0,
                  let name = reader.bytes(Int(clamping: length)), reader.byte() == 0,
                  memchr(name.baseAddress!, 0x2F, name.count) == nil, memchr(name.baseAddress!, 0, name.count) == nil,
                  !(name.count <= 2 && name.allSatisfy { $0 == 0x2E }) else { return false }
            try body(name.baseAddress!.assumingMemoryBound(to: CChar.self), name.count, flag == 1)
        }
        return true
    }

    /// `folder`'s record as stored, to write again as it is.
    public func recordBytes(_ folder: Folder) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: store.buffer[folder.start..<folder.end])
    }

    /// `folder` as a record, decoded.
    public func record(_ folder: Folder) -> Record? {
        var reader = ByteReader(recordBytes(folder))
        guard let length = reader.varint(), let path = reader.bytes(Int(clamping: length)) else { return nil }
        let entries = Entries(bytes: Array(store.buffer[folder.entriesStart..<folder.end]), count: folder.entryCount)
        return Record(path: Array(path), stamp: folder.stamp, holdsGit: folder.holdsGit, complete: folder.complete, entries: entries)
    }

    /// Appends a folder's record, encoded as the file holds it, to `bytes` (a walk's log).
    public static func appendRecord(to bytes: inout [UInt8], path: UnsafeRawBufferPointer, stamp: Stamp, holdsGit: Bool, complete: Bool, entries: Entries) {
        var writer = ByteWriter()
        swap(&writer.buffer, &bytes)
        defer { swap(&writer.buffer, &bytes) }
        writer.varint(UInt64(path.count))
        writer.buffer.append(contentsOf: path)
        stamp.write(to: &writer)
        writer.buffer.append((holdsGit ? 1 : 0) | (complete ? 2 : 0))
        writer.varint(UInt64(entries.count))
        writer.varint(UInt64(entries.bytes.count))
        writer.buffer.append(contentsOf: entries.bytes)
    }

    /// The file for `records` (in any order; a path given twice is written once), recorded by a
    /// walk of `root` that started at `recordedAt`.
    public static func encode(root: String, recordedAt: Time, _ records: [Record]) -> [UInt8] {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for record in records {
            starts.append(bytes.count)
            record.path.withUnsafeBytes { appendRecord(to: &bytes, path: $0, stamp: record.stamp, holdsGit: record.holdsGit, complete: record.complete, entries: record.encodedEntries) }
        }
        return bytes.withUnsafeBytes { all in
            encode(root: root, recordedAt: recordedAt, starts.indices.map { i in
                UnsafeRawBufferPointer(rebasing: all[starts[i]..<(i + 1 < starts.count ? starts[i + 1] : all.count)])
            })
        }
    }

    /// The file for encoded `records` (`appendRecord`, `recordBytes`), in any order; a path
    /// given twice is written once.
    public static func encode(root: String, recordedAt: Time, _ records: [UnsafeRawBufferPointer]) -> [UInt8] {
        // Each record starts with its path: sorted by it, compared in place.
        let paths = records.map { record -> UnsafeRawBufferPointer in
            var reader = ByteReader(record)
            return reader.varint().flatMap { reader.bytes(Int(clamping: $0)) } ?? UnsafeRawBufferPointer(start: nil, count: 0)
        }
        var sorted = Array(records.indices)
        sorted.sort { SnapshotDelta.compare(paths[$0], paths[$1]) < 0 }
        var unique: [Int] = []
        unique.reserveCapacity(sorted.count)
        for i in sorted where unique.last.map({ SnapshotDelta.compare(paths[$0], paths[i]) != 0 }) ?? true { unique.append(i) }
        var head = ByteWriter()
        head.string(root)
        head.int(Int(recordedAt.seconds))
        head.int(Int(recordedAt.nanoseconds))
        head.varint(UInt64(unique.count))
        var offset = 24 + head.buffer.count + unique.count * 8
        for i in unique {
            head.fixed(UInt64(offset))
            offset += records[i].count
        }
        var file = magic
        file.reserveCapacity(offset)
        var header = ByteWriter()
        header.fixed(formatVersion)
        header.fixed(0)  // the checksum, below
        file += header.buffer
        file += head.buffer
        for i in unique { file.append(contentsOf: records[i]) }
        let checksum = file.withUnsafeBytes { SummaryChecksum.of(UnsafeRawBufferPointer(rebasing: $0[24...])) }
        withUnsafeBytes(of: checksum.littleEndian) { file.replaceSubrange(16..<24, with: $0) }
        return file
    }
}
