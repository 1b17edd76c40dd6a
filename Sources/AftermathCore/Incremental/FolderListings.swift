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
/// a flag byte (holds a `.git`), entry count, and entries (a flag byte, folder or file, then
/// the name's length, its bytes and a NUL, so a name can be handed to `fstatat` in place).
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

        var words: [UInt64] {
            [device, inode, size, links, UInt64(bitPattern: modified.seconds), UInt64(modified.nanoseconds),
             UInt64(bitPattern: changed.seconds), UInt64(changed.nanoseconds)]
        }
    }

    /// A wall-clock or file-system time.
    public struct Time: Equatable, Comparable, Sendable {
        public var seconds: Int64
        public var nanoseconds: Int64
        public init(seconds: Int64, nanoseconds: Int64) { (self.seconds, self.nanoseconds) = (seconds, nanoseconds) }
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
        /// Its regular files and folders, in git's order (`.git` left out).
        public var entries: [(name: [UInt8], folder: Bool)]

        public init(path: [UInt8], stamp: Stamp, holdsGit: Bool, complete: Bool, entries: [(name: [UInt8], folder: Bool)]) {
            (self.path, self.stamp, self.holdsGit, self.complete, self.entries) = (path, stamp, holdsGit, complete, entries)
        }
    }

    /// A stored folder, read in place.
    public struct Folder: Sendable {
        public let stamp: Stamp
        public let holdsGit: Bool
        /// Its entries were all listed (see `Record.complete`).
        public let complete: Bool
        public let entryCount: Int
        /// Where its path starts (to copy the record) and where its entries start.
        let start: Int
        let entriesStart: Int
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
    public func folder(at path: String) -> Folder? {
        var path = path
        return path.withUTF8 { folder(at: UnsafeRawBufferPointer($0)) }
    }

    private func folder(at path: UnsafeRawBufferPointer) -> Folder? {
        let raw = store.buffer
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            guard let (start, stored) = recordPath(middle) else { return nil }
            let shared = min(stored.count, path.count)
            var order = shared == 0 ? 0 : memcmp(stored.baseAddress!, path.baseAddress!, shared)
            if order == 0 { order = stored.count < path.count ? -1 : (stored.count > path.count ? 1 : 0) }
            if order == 0 {
                var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[(stored.count + (stored.baseAddress! - raw.baseAddress!))...]))
                var words: [UInt64] = []
                for _ in 0..<8 {
                    guard let word = reader.fixed() else { return nil }
                    words.append(word)
                }
                guard let flags = reader.byte(), let entries = reader.varint(), entries <= UInt64(raw.count) else { return nil }
                let stamp = Stamp(device: words[0], inode: words[1], size: words[2], links: words[3],
                                  modified: Time(seconds: Int64(bitPattern: words[4]), nanoseconds: Int64(words[5])),
                                  changed: Time(seconds: Int64(bitPattern: words[6]), nanoseconds: Int64(words[7])))
                let entriesStart = stored.count + (stored.baseAddress! - raw.baseAddress!) + reader.position
                return Folder(stamp: stamp, holdsGit: flags & 1 != 0, complete: flags & 2 != 0, entryCount: Int(entries), start: start, entriesStart: entriesStart)
            }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
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
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[folder.entriesStart...]))
        for _ in 0..<folder.entryCount {
            guard let flag = reader.byte(), flag <= 1, let length = reader.varint(), length > 0,
                  let name = reader.bytes(Int(clamping: length)), reader.byte() == 0,
                  memchr(name.baseAddress!, 0x2F, name.count) == nil, memchr(name.baseAddress!, 0, name.count) == nil,
                  !(name.count <= 2 && name.allSatisfy { $0 == 0x2E }) else { return false }
            try body(name.baseAddress!.assumingMemoryBound(to: CChar.self), name.count, flag == 1)
        }
        return true
    }

    /// `folder` as a record, to write again.
    public func record(_ folder: Folder) -> Record? {
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: store.buffer[folder.start...]))
        guard let length = reader.varint(), let path = reader.bytes(Int(clamping: length)) else { return nil }
        var entries: [(name: [UInt8], folder: Bool)] = []
        entries.reserveCapacity(folder.entryCount)
        guard forEachEntry(of: folder, { name, count, isFolder in
            entries.append((Array(UnsafeRawBufferPointer(start: name, count: count)), isFolder))
        }) else { return nil }
        return Record(path: Array(path), stamp: folder.stamp, holdsGit: folder.holdsGit, complete: folder.complete, entries: entries)
    }

    /// The file for `records` (in any order; a path given twice is written once), recorded by a
    /// walk of `root` that started at `recordedAt`.
    public static func encode(root: String, recordedAt: Time, _ records: [Record]) -> [UInt8] {
        let sorted = records.sorted { $0.path.lexicographicallyPrecedes($1.path) }
        var unique: [Record] = []
        unique.reserveCapacity(sorted.count)
        for record in sorted where unique.last?.path != record.path { unique.append(record) }
        var head = ByteWriter()
        head.string(root)
        head.int(Int(recordedAt.seconds))
        head.int(Int(recordedAt.nanoseconds))
        head.varint(UInt64(unique.count))
        var body = ByteWriter()
        var offsets: [Int] = []
        offsets.reserveCapacity(unique.count)
        for record in unique {
            offsets.append(body.buffer.count)
            body.varint(UInt64(record.path.count))
            body.bytes(record.path)
            for word in record.stamp.words { body.fixed(word) }
            body.buffer.append((record.holdsGit ? 1 : 0) | (record.complete ? 2 : 0))
            body.varint(UInt64(record.entries.count))
            for entry in record.entries {
                body.buffer.append(entry.folder ? 1 : 0)
                body.varint(UInt64(entry.name.count))
                body.bytes(entry.name)
                body.buffer.append(0)
            }
        }
        let recordsStart = 24 + head.buffer.count + unique.count * 8
        for offset in offsets { head.fixed(UInt64(recordsStart + offset)) }
        var checksum = SummaryChecksum(count: head.buffer.count + body.buffer.count)
        checksum.add(head.buffer)
        checksum.add(body.buffer)
        var file = magic
        var header = ByteWriter()
        header.fixed(formatVersion)
        header.fixed(checksum.value)
        file += header.buffer
        file += head.buffer
        file += body.buffer
        return file
    }
}
