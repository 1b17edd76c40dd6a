import AftermathCore
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The files on disk under a repository root. Symbolic links are not followed (a link could
/// point anywhere on the machine), and `.git` folders are skipped, as are nested repositories
/// (submodules, which git snapshots skip too: their files belong to another repository).
public struct WorkingTreeSnapshot: Snapshot {
    public let root: String
    public var label: String { "working tree" }
    /// The root, open: files are opened relative to it, which spares the kernel looking up
    /// every folder above the repository again for each of a hundred thousand files.
    private let folder: OpenRoot
    /// Folder listings kept between walks (none: every folder is listed).
    public let memory: FolderMemory?
    /// Whether a walk examines (`stat`s) each file it lists. A walk that does not leaves a
    /// listed file's stat data empty (`st_mode` 0), for a caller that reads every file anyway
    /// and takes it from the opened file (`readExamined`): files of a remembered folder, and
    /// entries whose kind the folder's listing does not give, are examined all the same.
    public let examinesFiles: Bool

    public init(root: String, memory: FolderMemory? = nil, examinesFiles: Bool = true) {
        self.root = root.hasSuffix("/") ? String(root.dropLast()) : root
        folder = OpenRoot(self.root)
        self.memory = memory
        self.examinesFiles = examinesFiles
    }

    public var confinement: RepositoryConfinement { .fileSystem(root: root) }

    private func absolute(_ path: RepositoryPath) -> RepositoryPath { path.isEmpty ? RepositoryPath(root) : path.prefixed(by: root + "/") }

    public func read(_ path: RepositoryPath, upTo limit: Int) throws -> [UInt8]? {
        try readExamined(path, upTo: limit)?.bytes
    }

    /// `read`, with the file's stat data as of the read (from the descriptor it was read through).
    public func readExamined(_ path: RepositoryPath, upTo limit: Int) throws -> (bytes: [UInt8], info: stat)? {
        // O_NONBLOCK: opening a FIFO would otherwise wait for a writer; the type is checked
        // before anything is read (a regular file reads the same either way).
        let flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK
        // `withCString`: passed as is, a string is copied into a new array for the call.
        let fd = folder.fd >= 0 && !path.isEmpty && !path.hasPrefix("/")
            ? path.withCString { openat(folder.fd, $0, flags) } : absolute(path).withCString { open($0, flags) }
        if fd < 0 {
            // ELOOP: a symbolic link, which is deliberately not followed.
            if errno == ENOENT || errno == ENOTDIR || errno == ELOOP { return nil }
            throw SnapshotError("\(path): cannot read: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SnapshotError("\(path): cannot read: \(String(cString: strerror(errno)))") }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return nil
        // A FIFO, socket or device where a document or a rule file belongs: never read (it may
        // never end), and said rather than taken for a missing file.
        default: throw SnapshotError("\(path): not a regular file (a FIFO, socket or device); it is not read")
        }
        let wanted = min(limit, Int(info.st_size))
        // Read straight into the array's storage, not zeroed first (a quarter gigabyte over a
        // 100,000-document run); only what was read counts (a file may shrink as it is read).
        let bytes = try [UInt8](unsafeUninitializedCapacity: wanted) { buffer, count in
            while count < wanted {
                let n = Glibc.read(fd, buffer.baseAddress! + count, wanted - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw SnapshotError("\(path): cannot read: \(String(cString: strerror(errno)))")
                }
                if n == 0 { break }
                count += n
            }
        }
        return (bytes, info)
    }

    public func files(under folder: String) throws -> [RepositoryPath] {
        try scan(under: folder).map(\.path).sorted()
    }

    /// The regular files under `folder` with their stat data, in git's order (by path bytes).
    /// Folders are opened relative to their parent and files examined relative to their
    /// folder, so a hundred thousand files cost no path lookups from the root. The folders at
    /// the top are walked by several threads, more than there are cores, as git's preloaded
    /// index does: listing and stat calls are most of the time and, when the file system's
    /// metadata is not cached, wait on the disk.
    public func scan(under folder: String) throws -> [(path: RepositoryPath, info: stat)] {
        try scan(under: folder) { $0 }
    }

    /// `scan(under:)` with each run of files (those of one top folder, those directly in
    /// `folder`) passed through `examine` on the thread that found them, in order: work on
    /// every file, such as identifying it, is spread over the walking threads too.
    public func scan<T>(under folder: String, _ examine: @escaping @Sendable ([(path: RepositoryPath, info: stat)]) throws -> [T]) throws -> [T] {
        Array(try scanRuns(under: folder, examine).joined())
    }

    /// `scan(under:_:)` with the examined runs in order, not joined: a caller that only reads
    /// them spares a copy of every item (and a release of every copy) on one thread.
    public func scanRuns<T>(under folder: String, _ examine: @escaping @Sendable ([(path: RepositoryPath, info: stat)]) throws -> [T]) throws -> [[T]] {
        var folder = Substring(folder)
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        let relative = RepositoryPath(folder == "." ? "" : String(folder))
        var log = FolderMemory.Log()
        // The folder scanned is the repository's or inside it: its own `.git` is skipped.
        guard let top = try topEntries(relative, log: &log) else { return [] }
        let folders = top.entries.filter(\.folder)
        let parent = top.fd
        defer { top.close() }
        let walked = try BlockingWork.map(folders.count, threads: Self.walkers) { i in
            var files: [(path: RepositoryPath, info: stat)] = []
            var log = FolderMemory.Log()
            guard try walk(folders[i].path, name: folders[i].name, in: parent, into: &files, log: &log) else {
                throw SnapshotError("\(folders[i].path): cannot list: \(String(cString: strerror(errno)))")
            }
            memory?.note(log)
            return try examine(files)
        }
        memory?.note(log)
        // Files directly in the folder, each between the folders around it in git's order.
        var runs: [[T]] = []
        runs.reserveCapacity(walked.count + 1)
        var next = 0, files: [(path: RepositoryPath, info: stat)] = []
        for entry in top.entries {
            if entry.folder {
                if !files.isEmpty { runs.append(try examine(files)) }
                files = []
                runs.append(walked[next])
                next += 1
            } else {
                files.append((entry.path, entry.info))
            }
        }
        if !files.isEmpty { runs.append(try examine(files)) }
        return runs
    }

    /// The scanned folder itself, open, and its entries: from the walk memory when the folder
    /// did not change, else listed; nil when there is no such folder.
    private func topEntries(_ relative: RepositoryPath, log: inout FolderMemory.Log) throws -> TopFolder? {
        let path = absolute(relative)
        if let memory, let earlier = memory.earlier, let stored = earlier.folder(at: relative), stored.complete {
            guard let (fd, unchanged) = Self.openToLook(path, in: AT_FDCWD, against: stored, in: earlier) else { return try missing(relative) }
            if unchanged, let entries = Self.remembered(stored, in: earlier, at: relative, fd: fd) {
                log.kept.append(stored)
                return TopFolder(fd: fd, entries: entries)
            }
            Glibc.close(fd)
        }
        guard let fd = FolderReader.open(path, in: AT_FDCWD) else { return try missing(relative) }
        let stamp = memory == nil ? nil : Self.stamp(of: fd)
        let listed: FolderReader.Listed
        do {
            listed = try FolderReader.entries(fd, relative, nested: false, encoding: stamp != nil, examiningFiles: examinesFiles)
        } catch {
            Glibc.close(fd)
            throw error
        }
        if let memory, let stamp { memory.noteListed(relative, stamp, holdsGit: listed.holdsGit, complete: true, entries: listed.encoded ?? .init(), in: &log) }
        return TopFolder(fd: fd, entries: listed.entries)
    }

    private func missing(_ relative: RepositoryPath) throws -> TopFolder? {
        if errno == ENOENT || errno == ENOTDIR || errno == ELOOP { return nil }
        throw SnapshotError("\(relative): cannot list: \(String(cString: strerror(errno)))")
    }

    /// The scanned folder, held while its folders are walked.
    private struct TopFolder {
        let fd: Int32
        let entries: [FolderReader.Entry]
        func close() { Glibc.close(fd) }
    }

    /// The entries a stored folder records, each file examined again (its stat data is always
    /// current); nil when one is no longer a file, so the folder must be listed after all.
    private static func remembered(_ stored: FolderListings.Folder, in earlier: FolderListings, at relative: RepositoryPath, fd: Int32) -> [FolderReader.Entry]? {
        let prefix = relative.isEmpty ? [] : relative.bytes + [UInt8(ascii: "/")]
        var entries: [FolderReader.Entry] = []
        entries.reserveCapacity(stored.entryCount)
        var current = true
        let complete = earlier.forEachEntry(of: stored) { name, count, folder in
            guard current else { return }
            let bytes = UnsafeRawBufferPointer(start: name, count: count)
            let path = RepositoryPath(bytes: prefix + bytes)
            var info = stat()
            if folder {
                entries.append((path, RepositoryPath(bytes: bytes), info, true))
            } else if fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                entries.append((path, "", info, false))
            } else {
                current = false
            }
        }
        return complete && current ? entries : nil
    }

    /// The folder `path` of the open folder `parent`, opened only to be looked in, and whether
    /// its stat data is still the one `stored` records (and settled); nil, with `errno` set, when
    /// it cannot be opened.
    private static func openToLook(_ path: RepositoryPath, in parent: Int32, against stored: FolderListings.Folder,
                                   in earlier: FolderListings) -> (fd: Int32, unchanged: Bool)? {
        let fd = path.withCString { openat(parent, $0, Platform.openForLookingOnly | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        return (fd, stamp(of: fd).map { earlier.isCurrent(stored, $0) } ?? false)
    }

    private static func stamp(of fd: Int32) -> FolderListings.Stamp? {
        var info = stat()
        return fstat(fd, &info) == 0 ? FolderListings.Stamp(info) : nil
    }

    /// Threads walking folders at most: enough to keep a disk busy when metadata is not cached
    /// (`BlockingWork` starts one per core and adds them only while items wait).
    static let walkers = 16

    /// Appends the files under the folder `name` of the open folder `parent` (at `relative`),
    /// in git's order; nothing for a nested repository (a submodule: another repository's files).
    /// Folders are opened relative to their open parent down to `heldLevels` levels; deeper
    /// ones by their whole path with the parent closed first, so however deep a tree goes, a
    /// walk holds a bounded number of open folders. A folder the walk memory holds unchanged
    /// is not listed: its recorded entries are examined instead. False, with `errno` set, when
    /// the folder cannot be opened as one.
    private func walk(_ relative: RepositoryPath, name: RepositoryPath, in parent: Int32, depth: Int = 1,
                      into result: inout [(path: RepositoryPath, info: stat)], log: inout FolderMemory.Log) throws -> Bool {
        let held = depth < Self.heldLevels
        if let memory, let earlier = memory.earlier, let stored = earlier.folder(at: relative) {
            guard let (fd, unchanged) = Self.openToLook(name, in: parent, against: stored, in: earlier) else { return false }
            if unchanged && stored.holdsGit {  // another repository still
                Glibc.close(fd)
                log.kept.append(stored)
                return true
            }
            guard unchanged else {
                Glibc.close(fd)
                return try walkListing(relative, name: name, in: parent, held: held, depth: depth, into: &result, log: &log)
            }
            let marks = (result.count, log.mark)
            log.kept.append(stored)
            if !held { Glibc.close(fd) }
            let walked: Bool
            do {
                walked = try walk(remembered: stored, in: earlier, at: relative, fd: held ? fd : AT_FDCWD, depth: depth, into: &result, log: &log)
            } catch {
                if held { Glibc.close(fd) }
                throw error
            }
            if held { Glibc.close(fd) }
            guard !walked else { return true }
            // An entry is not what was recorded, a change made as it was recorded: listed after all.
            result.removeLast(result.count - marks.0)
            log.rollBack(to: marks.1)
        }
        return try walkListing(relative, name: name, in: parent, held: held, depth: depth, into: &result, log: &log)
    }

    /// Appends what a stored folder records, in order: its files, each examined again (their
    /// stat data is always current), and what its folders hold. Straight into `result`, with no
    /// list of entries in between: at 100,000 files that list was a sixth of a warm walk's own
    /// work. False, with what was appended left for the caller to take back, when an entry is
    /// not what was recorded (a file gone or replaced, a folder that cannot be opened).
    private func walk(remembered stored: FolderListings.Folder, in earlier: FolderListings, at relative: RepositoryPath, fd: Int32, depth: Int,
                      into result: inout [(path: RepositoryPath, info: stat)], log: inout FolderMemory.Log) throws -> Bool {
        let prefix = relative.isEmpty ? [] : relative.bytes + [UInt8(ascii: "/")]
        var current = true
        let complete = try prefix.withUnsafeBufferPointer { prefixBytes in
            try earlier.forEachEntry(of: stored) { name, count, folder in
                guard current else { return }
                let path = Self.path(prefixBytes, name, count)
                if folder {
                    let text = RepositoryPath(bytes: UnsafeRawBufferPointer(start: name, count: count))
                    current = try walk(path, name: fd == AT_FDCWD ? absolute(path) : text, in: fd, depth: depth + 1, into: &result, log: &log)
                    return
                }
                var info = stat()
                let examined = fd == AT_FDCWD ? absolute(path).withCString { fstatat(AT_FDCWD, $0, &info, AT_SYMLINK_NOFOLLOW) } : fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW)
                if examined == 0, (info.st_mode & S_IFMT) == S_IFREG {
                    result.append((path, info))
                } else {
                    current = false
                }
            }
        }
        return complete && current
    }

    /// `prefix` and a name joined into one path: joined in a scratch buffer, then made a string
    /// in one copy when the bytes are UTF-8 (a name that is not is kept as its bytes, not
    /// repaired into another name).
    static func path(_ prefix: UnsafeBufferPointer<UInt8>, _ name: UnsafePointer<CChar>, _ count: Int) -> RepositoryPath {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: prefix.count + count) { buffer in
            let base = UnsafeMutableRawPointer(buffer.baseAddress!)
            if let start = prefix.baseAddress { base.copyMemory(from: start, byteCount: prefix.count) }
            (base + prefix.count).copyMemory(from: name, byteCount: count)
            return RepositoryPath(bytes: UnsafeRawBufferPointer(buffer))
        }
    }

    /// `walk` for a folder the walk memory does not hold unchanged: listed, and recorded.
    private func walkListing(_ relative: RepositoryPath, name: RepositoryPath, in parent: Int32, held: Bool, depth: Int,
                             into result: inout [(path: RepositoryPath, info: stat)], log: inout FolderMemory.Log) throws -> Bool {
        guard let fd = FolderReader.open(name, in: parent) else { return false }
        let stamp = memory == nil ? nil : Self.stamp(of: fd)
        let listed: FolderReader.Listed
        do {
            listed = try FolderReader.entries(fd, relative, nested: true, encoding: stamp != nil, examiningFiles: examinesFiles)
        } catch {
            Glibc.close(fd)
            throw error
        }
        if let memory, let stamp {
            memory.noteListed(relative, stamp, holdsGit: listed.holdsGit, complete: !listed.holdsGit, entries: listed.encoded ?? .init(), in: &log)
        }
        if !held { Glibc.close(fd) }
        defer { if held { Glibc.close(fd) } }
        if let failed = try walk(listed.entries, in: held ? fd : AT_FDCWD, depth: depth, into: &result, log: &log) {
            throw SnapshotError("\(failed): cannot list: \(String(cString: strerror(errno)))")
        }
        return true
    }

    /// Appends a folder's `entries` in order: its files, and what its folders hold, each opened
    /// in the open folder `fd` (or by its whole path when `fd` is `AT_FDCWD`). The path of a
    /// folder that cannot be opened, with `errno` set, or nil.
    private func walk(_ entries: [FolderReader.Entry], in fd: Int32, depth: Int,
                      into result: inout [(path: RepositoryPath, info: stat)], log: inout FolderMemory.Log) throws -> RepositoryPath? {
        for entry in entries {
            guard entry.folder else {
                result.append((entry.path, entry.info))
                continue
            }
            let name = fd == AT_FDCWD ? absolute(entry.path) : entry.name
            guard try walk(entry.path, name: name, in: fd, depth: depth + 1, into: &result, log: &log) else { return entry.path }
        }
        return nil
    }

    /// Folder levels a walk keeps open (times `walkers`: well inside the usual 1,024 open files).
    static let heldLevels = 16
}

