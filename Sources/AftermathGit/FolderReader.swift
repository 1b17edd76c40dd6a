import AftermathCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
