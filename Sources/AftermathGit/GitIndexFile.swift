import AftermathCore

/// Git's index file (`.git/index`, or the one `GIT_INDEX_FILE` names) read directly: the
/// entries of versions 2–4 in one pass over the mapped file.
///
/// libgit2 verifies the file's SHA-1 trailer on every load, which in a large repository costs
/// more than the whole incremental check. The file is git's own, written under its lock and
/// renamed into place, so this reader verifies the trailer only for the staged snapshot
/// (`readVerified`); it checks every length and offset always (entries and extensions must
/// fill the file exactly up to the trailer), and declines (nil) anything it does not fully
/// understand — a split index, sparse directory entries, a damaged entry — leaving those to
/// libgit2.
public struct GitIndexFile: Sendable {
    /// Stage-0 regular files, sorted by path bytes as git keeps them.
    public private(set) var files = ContentListing()
    /// What git recorded about each of `files` on disk when it last saw it.
    public private(set) var stats: [FileStat] = []
    /// When the index was written: a file modified in the same instant or later may have
    /// changed without its stat data showing it ("racy git"), so it must be read.
    public private(set) var writtenAt = FileStat.Time(seconds: 0, nanoseconds: 0)
    /// The trees the entries make, by folder ("" for the top), where git's cache of them (the
    /// `TREE` extension) is valid: a folder whose tree is one of HEAD's holds HEAD's files,
    /// known without reading that tree.
    public private(set) var cachedTrees: [String: ContentID] = [:]
    /// The tree of the whole index, when git's cache of it is valid (nothing staged since).
    public var tree: ContentID? { cachedTrees[""] }

    /// Git's stat data of a file, as the index keeps it (32-bit fields).
    public struct FileStat: Sendable, Equatable {
        public struct Time: Sendable, Equatable, Comparable {
            var seconds: UInt32
            var nanoseconds: UInt32
            public init(seconds: UInt32, nanoseconds: UInt32) {
                self.seconds = seconds
                self.nanoseconds = nanoseconds
            }

            public static func < (a: Time, b: Time) -> Bool { (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds) }
        }
        var changed: Time
        var modified: Time
        var inode: UInt32
        var size: UInt32

        public init(changed: Time, modified: Time, inode: UInt32, size: UInt32) {
            self.changed = changed
            self.modified = modified
            self.inode = inode
            self.size = size
        }
    }

    /// Nil when the file is missing or uses something this reader leaves to libgit2.
    public static func read(_ path: String) -> GitIndexFile? { read(path, verifyingChecksum: false) }

    /// `read`, after checking the SHA-1 trailer (nil when it does not match, so that libgit2
    /// reports the damage). A listing read for what it records (the staged snapshot) must be
    /// git's; stat data read only to skip hashing unchanged files need not be, since a damaged
    /// entry only makes its file be hashed.
    public static func readVerified(_ path: String) -> GitIndexFile? { read(path, verifyingChecksum: true) }

    private static func read(_ path: String, verifyingChecksum: Bool) -> GitIndexFile? {
        guard let store = MappedFile.map(path) else { return nil }
        if verifyingChecksum, !hasValidChecksum(store.buffer) { return nil }
        guard var index = parse(store.buffer) else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let written = Platform.modificationTime(info)
        index.writtenAt = FileStat.Time(seconds: UInt32(truncatingIfNeeded: written.seconds), nanoseconds: UInt32(truncatingIfNeeded: written.nanoseconds))
        return index
    }

    /// Whether the last 20 bytes are the SHA-1 of the rest, or zeros (`index.skipHash`).
    static func hasValidChecksum(_ raw: UnsafeRawBufferPointer) -> Bool {
        guard raw.count >= 20 else { return false }
        let trailer = raw[(raw.count - 20)...]
        if trailer.allSatisfy({ $0 == 0 }) { return true }
        return SHA1.digest(UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 20)])).elementsEqual(trailer)
    }

    static func parse(_ raw: UnsafeRawBufferPointer) -> GitIndexFile? {
        func be32(_ at: Int) -> UInt32 { UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
        func be16(_ at: Int) -> UInt16 { UInt16(bigEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt16.self)) }
        let trailer = 20
        guard raw.count >= 12 + trailer, raw[0] == 0x44, raw[1] == 0x49, raw[2] == 0x52, raw[3] == 0x43 else { return nil }  // "DIRC"
        let version = be32(4)
        guard (2...4).contains(version) else { return nil }
        let count = Int(be32(8))
        let end = raw.count - trailer
        var result = GitIndexFile()
        // The count is the file's word; no entry is shorter than 62 bytes, whatever it says.
        result.files = ContentListing(reserving: min(count, raw.count / 62), pathBytes: raw.count)
        result.stats.reserveCapacity(min(count, raw.count / 62))
        var offset = 12
        // Version 4's paths are built in this buffer; earlier versions' are read in place.
        var path: [UInt8] = []
        var pathInFile = 0..<0
        for _ in 0..<count {
            let entryStart = offset
            guard offset + 62 <= end else { return nil }
            let mode = be32(offset + 24)
            let flags = be16(offset + 60)
            var cursor = offset + 62
            if flags & 0x4000 != 0 {
                guard version >= 3, cursor + 2 <= end else { return nil }
                cursor += 2
            }
            if version == 4 {
                // Path as "drop N bytes of the previous path, then append this NUL-terminated suffix".
                var strip = 0
                guard cursor < end else { return nil }
                var byte = Int(raw[cursor]); cursor += 1
                strip = byte & 0x7F
                while byte & 0x80 != 0 {
                    guard cursor < end, strip < 1 << 24 else { return nil }
                    byte = Int(raw[cursor]); cursor += 1
                    strip = ((strip + 1) << 7) | (byte & 0x7F)
                }
                guard strip <= path.count, let nul = firstNUL(raw, from: cursor, end: end) else { return nil }
                path.removeLast(strip)
                path.append(contentsOf: raw[cursor..<nul])
                offset = nul + 1
            } else {
                guard let nul = firstNUL(raw, from: cursor, end: end) else { return nil }
                pathInFile = cursor..<nul
                let headerLength = cursor - offset
                offset += (headerLength + pathInFile.count + 8) & ~7
                guard offset <= end else { return nil }
            }
            let type = mode & 0o170000
            if type == 0o040000 { return nil }  // sparse index: directories stand in for their files
            let stage = (flags >> 12) & 3
            guard stage == 0, type == 0o100000 else { continue }
            let id = ContentID(UnsafeRawBufferPointer(rebasing: raw[(entryStart + 40)...]))
            // Git keeps entries sorted; anything else is a damaged file, and the merge with the
            // summary relies on the order.
            let appended = version == 4
                ? path.withUnsafeBytes { result.files.append(path: $0, id: id) }
                : result.files.append(path: UnsafeRawBufferPointer(rebasing: raw[pathInFile]), id: id)
            guard appended else { return nil }
            result.stats.append(FileStat(changed: .init(seconds: be32(entryStart), nanoseconds: be32(entryStart + 4)),
                                         modified: .init(seconds: be32(entryStart + 8), nanoseconds: be32(entryStart + 12)),
                                         inode: be32(entryStart + 20), size: be32(entryStart + 36)))
        }
        // Extensions: a split index keeps most entries in another file.
        while offset + 8 <= end {
            let signature = raw[offset..<(offset + 4)]
            if signature.elementsEqual("link".utf8) { return nil }
            let size = Int(be32(offset + 4))
            if signature.elementsEqual("TREE".utf8), offset + 8 + size <= end {
                result.cachedTrees = cachedTrees(UnsafeRawBufferPointer(rebasing: raw[(offset + 8)..<(offset + 8 + size)])) ?? [:]
            }
            offset += 8 + size
        }
        // Entries and extensions must end exactly where the trailer starts: a truncated or
        // padded file does not.
        guard offset == end else { return nil }
        return result
    }

    /// The documents under `folder` (the Aftermath root inside the work tree, "" for the top),
    /// with paths relative to it.
    public func documents(under folder: String, matching filter: DocumentPathFilter) -> ContentListing {
        let prefix = folder.isEmpty ? [] : Array((folder.hasSuffix("/") ? folder : folder + "/").utf8)
        var listing = ContentListing(reserving: files.count, pathBytes: files.pathByteCount)
        for i in 0..<files.count {
            files.withPathBytes(i) { path in
                guard path.starts(with: prefix) else { return }
                let relative = UnsafeRawBufferPointer(rebasing: path[prefix.count...])
                if filter.matches(relative) { _ = listing.append(path: relative, id: files.contentID(i)) }
            }
        }
        return listing
    }

    /// A `TREE` extension: depth first, each folder as its name (empty for the top), NUL,
    /// "ENTRIES SUBFOLDERS\n", then its tree's ID unless ENTRIES is -1 (the cache is invalid
    /// there). Nil when it is not one.
    private static func cachedTrees(_ data: UnsafeRawBufferPointer) -> [String: ContentID]? {
        var trees: [String: ContentID] = [:]
        var cursor = 0
        func number(until terminator: UInt8) -> Int? {
            guard let stop = data[cursor...].firstIndex(of: terminator), stop - cursor <= 12 else { return nil }
            defer { cursor = stop + 1 }
            return Int(String(decoding: data[cursor..<stop], as: UTF8.self))
        }
        func folder(under parent: String?, depth: Int) -> Bool {
            guard depth < 1024, let nul = data[cursor...].firstIndex(of: 0) else { return false }
            let name = String(decoding: data[cursor..<nul], as: UTF8.self)
            let path = parent.map { $0.isEmpty ? name : $0 + "/" + name } ?? ""
            cursor = nul + 1
            guard let entries = number(until: UInt8(ascii: " ")), let subfolders = number(until: UInt8(ascii: "\n")),
                  entries >= -1, subfolders >= 0, subfolders <= data.count else { return false }
            if entries >= 0 {
                guard data.count - cursor >= 20 else { return false }
                trees[path] = ContentID(UnsafeRawBufferPointer(rebasing: data[cursor..<(cursor + 20)]))
                cursor += 20
            }
            for _ in 0..<subfolders {
                guard folder(under: path, depth: depth + 1) else { return false }
            }
            return true
        }
        guard folder(under: nil, depth: 0), cursor == data.count else { return nil }
        return trees
    }

    private static func firstNUL(_ raw: UnsafeRawBufferPointer, from start: Int, end: Int) -> Int? {
        guard start <= end, let base = raw.baseAddress else { return nil }
        guard let found = memchr(base + start, 0, end - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }
}

#if canImport(Glibc)
import Glibc
#endif
