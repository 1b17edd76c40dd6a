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
        let flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC
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
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
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
        let fd = path.withCString { openat(parent, $0, openPathOnly | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
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

/// `O_PATH` (Linux's value on x86-64 and ARM64; Glibc's module leaves it out): a folder opened
/// only to be looked in, by `fstat` and `fstatat`, costs less than one opened for reading.
private let openPathOnly: Int32 = 0o10000000

/// A folder held open for the life of a snapshot (none, -1, when it cannot be opened: paths
/// are then opened whole).
final class OpenRoot: Sendable {
    let fd: Int32
    init(_ path: String) { fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
    deinit { if fd >= 0 { close(fd) } }
}

/// One folder's entries, read with as little work per entry as possible: names are compared
/// and examined as bytes in one scratch buffer, and only the paths kept become strings.
enum FolderReader {
    typealias Entry = (path: RepositoryPath, name: RepositoryPath, info: stat, folder: Bool)
    /// A folder's entries, and whether it holds a `.git` (with `nested`, its entries are then
    /// not listed: it is another repository); encoded for the walk memory when asked.
    typealias Listed = (entries: [Entry], holdsGit: Bool, encoded: FolderListings.Entries?)

    /// The folder `path` (relative to the open folder `parent`) opened for listing; nil with
    /// `errno` set when it cannot be.
    static func open(_ path: RepositoryPath, in parent: Int32) -> Int32? {
        let fd = path.withCString { openat(parent, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
        return fd >= 0 ? fd : nil
    }

    /// The files and folders of the open folder `fd` (at `relative`), in git's order; none when
    /// it holds a `.git` and `nested` says that makes it another repository. Only a folder's
    /// name is kept (its stat data is never used); a file's name is left empty. Without
    /// `examiningFiles`, an entry the listing calls a regular file is taken as one, its stat
    /// data left empty.
    /// A folder whose entries cannot be read to the end is an error naming it: a listing cut
    /// short would leave the documents after the break unchecked.
    static func entries(_ fd: Int32, _ relative: RepositoryPath, nested: Bool, encoding: Bool = false, examiningFiles: Bool = true) throws -> Listed {
        // Names, each followed by a NUL (a C string for `fstatat`), one after another.
        var names: [UInt8] = []
        var entries: [(start: Int, count: Int, info: stat, folder: Bool)] = []
        // Room for a typical folder's entries at once (both are dropped on return): grown
        // from nothing, they were reallocated seven or eight times for each of a large
        // repository's folders.
        names.reserveCapacity(1024)
        entries.reserveCapacity(16)
        var holdsGit = false
        var foundGit = false  // in a nested folder: another repository, not listed further
        let failure = FolderStream.forEach(fd) { name, type in
            let start = names.count
            names.append(contentsOf: UnsafeRawBufferPointer(start: name, count: strlen(name)))
            let count = names.count - start
            names.append(0)
            let name = names[start..<start + count]
            if name.elementsEqual([0x2E, 0x67, 0x69, 0x74]) {  // .git
                holdsGit = true
                names.removeLast(count + 1)
                foundGit = nested
                return !foundGit
            }
            if name.elementsEqual([0x2E]) || name.elementsEqual([0x2E, 0x2E]) {
                names.removeLast(count + 1)
                return true
            }
            var info = stat()
            let folder: Bool
            if type == UInt8(DT_DIR) {
                folder = true  // a folder's own stat data is never used
            } else if type == UInt8(DT_REG) && !examiningFiles {
                folder = false
            } else if type == UInt8(DT_REG) || type == UInt8(DT_UNKNOWN) {
                let examined = names.withUnsafeBufferPointer { fstatat(fd, UnsafeRawPointer($0.baseAddress! + start).assumingMemoryBound(to: CChar.self), &info, AT_SYMLINK_NOFOLLOW) }
                let mode = info.st_mode & S_IFMT
                guard examined == 0, mode == S_IFREG || mode == S_IFDIR else {
                    names.removeLast(count + 1)
                    return true
                }
                folder = mode == S_IFDIR
            } else {
                names.removeLast(count + 1)  // links, devices, sockets
                return true
            }
            entries.append((start, count, info, folder))
            return true
        }
        if let failure {
            throw SnapshotError("\(relative.isEmpty ? "." : relative.description): cannot list: \(failure)")
        }
        if foundGit { return ([], true, encoding ? FolderListings.Entries() : nil) }
        names.withUnsafeBytes { all in
            // Git's order: a folder's name sorts as if followed by "/". The common length is
            // compared at once (a folder's names share long prefixes: F-2026-001-01-…, -02-…);
            // past it, a name that goes on comes after one that ends, a folder's "/" counting as
            // a byte. (No name holds a "/", so two names equal that far are the same name.)
            guard let base = all.baseAddress else { return }  // no names, nothing to sort
            entries.sort { a, b in
                let common = min(a.count, b.count)
                let order = memcmp(base + a.start, base + b.start, common)
                if order != 0 { return order < 0 }
                func next(_ e: (start: Int, count: Int, info: stat, folder: Bool)) -> Int {
                    e.count > common ? Int(all[e.start + common]) : (e.folder ? 0x2F : -1)
                }
                return next(a) < next(b)
            }
        }
        let prefix = relative.isEmpty ? [] : relative.bytes + [UInt8(ascii: "/")]
        var encoded: FolderListings.Entries?
        let listed = names.withUnsafeBufferPointer { all in
            if encoding {
                var recorded = FolderListings.Entries(reservingCapacity: names.count + 2 * entries.count)
                for entry in entries { recorded.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: all[entry.start..<entry.start + entry.count])), folder: entry.folder) }
                encoded = recorded
            }
            return prefix.withUnsafeBufferPointer { prefixBytes in
                entries.map { entry in
                    let name = UnsafeBufferPointer(rebasing: all[entry.start..<entry.start + entry.count])
                    // A file's path is built in place; only a folder keeps its name too.
                    let path = name.withMemoryRebound(to: CChar.self) { WorkingTreeSnapshot.path(prefixBytes, $0.baseAddress!, $0.count) }
                    return (path, entry.folder ? RepositoryPath(bytes: UnsafeRawBufferPointer(name)) : "", entry.info, entry.folder)
                }
            }
        }
        return (listed, holdsGit, encoded)
    }
}

/// A folder's raw entries, read with `getdents64` into one buffer: `fdopendir` and `readdir`
/// add an `fstat`, two `fcntl` calls and a 32 KB allocation per folder, which over the 18,750
/// folders of a 100,000-document repository was about a tenth of a walk that lists them.
/// Where the C library has no `getdents64` (before glibc 2.30), `readdir` reads them.
enum FolderStream {
    private typealias GetDents = @convention(c) (Int32, UnsafeMutableRawPointer?, Int) -> Int
    private static let getdents: GetDents? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "getdents64").map { unsafeBitCast($0, to: GetDents.self) }
    static let bufferSize = 32_768

    /// `body` with each entry's NUL-terminated name and `d_type`, until it answers false or the
    /// entries end. What went wrong when they could not be read to the end (a read error, an
    /// entry that does not fit the buffer it came in), or nil.
    static func forEach(_ fd: Int32, _ body: (UnsafePointer<CChar>, UInt8) -> Bool) -> String? {
        if let injected = injectedFailure(fd) { return injected }
        guard let getdents else { return forEachByReaddir(fd, body) }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let filled = getdents(fd, buffer, bufferSize)
            if filled < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            guard filled > 0 else { return nil }
            var offset = 0
            // struct linux_dirent64: ino (8), off (8), reclen (2), type (1), name (NUL-terminated).
            while offset < filled {
                guard offset + 19 < filled else { return "malformed folder entry" }
                let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 16, as: UInt16.self))
                guard length > 19, offset + length <= filled,
                      memchr(buffer + offset + 19, 0, length - 19) != nil else { return "malformed folder entry" }
                let type = buffer.load(fromByteOffset: offset + 18, as: UInt8.self)
                if !body((buffer + offset + 19).assumingMemoryBound(to: CChar.self), type) { return nil }
                offset += length
            }
        }
    }

    static func forEachByReaddir(_ fd: Int32, _ body: (UnsafePointer<CChar>, UInt8) -> Bool) -> String? {
        let copy = dup(fd)
        guard copy >= 0 else { return String(cString: strerror(errno)) }
        guard let dir = fdopendir(copy) else {
            let failure = String(cString: strerror(errno))
            close(copy)
            return failure
        }
        defer { closedir(dir) }
        while true {
            errno = 0
            guard let entry = readdir(dir) else { return errno == 0 ? nil : String(cString: strerror(errno)) }
            let more = withUnsafeBytes(of: &entry.pointee.d_name) { body($0.baseAddress!.assumingMemoryBound(to: CChar.self), entry.pointee.d_type) }
            if !more { return nil }
        }
    }

    /// A read error made to happen in the folder named by `AFTERMATH_TEST_FOLDER_READ_ERROR`
    /// (its name, the last component), for tests of what a run does with a folder it cannot
    /// read to the end: as root, no permission stops a read, and a disk error cannot be had.
    private static let injected: String? = ProcessInfo.processInfo.environment["AFTERMATH_TEST_FOLDER_READ_ERROR"].flatMap { $0.isEmpty ? nil : $0 }

    private static func injectedFailure(_ fd: Int32) -> String? {
        guard let injected else { return nil }
        // The open folder's own name, as the kernel knows it.
        var target = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/fd/\(fd)", &target, target.count - 1)
        guard length > 0 else { return nil }
        let path = String(decoding: target[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return path.hasSuffix("/" + injected) ? String(cString: strerror(EIO)) : nil
    }
}
