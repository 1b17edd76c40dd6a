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

    public init(root: String) {
        self.root = root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    private func absolute(_ path: String) -> String { path.isEmpty ? root : "\(root)/\(path)" }

    public func read(_ path: String, upTo limit: Int) throws -> [UInt8]? {
        let fd = open(absolute(path), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            // ELOOP: a symbolic link, which is deliberately not followed.
            if errno == ENOENT || errno == ENOTDIR || errno == ELOOP { return nil }
            throw SnapshotError("\(path): cannot read: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let wanted = min(limit, Int(info.st_size))
        var bytes = [UInt8](repeating: 0, count: wanted)
        var filled = 0
        while filled < wanted {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, wanted - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SnapshotError("\(path): cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            filled += n
        }
        if filled < wanted { bytes.removeLast(wanted - filled) }  // shrank while read
        return bytes
    }

    public func files(under folder: String) throws -> [String] {
        try scan(under: folder).map(\.path).sorted()
    }

    /// The regular files under `folder` with their stat data, in git's order (by path bytes).
    /// Folders are opened relative to their parent and files examined relative to their
    /// folder, so a hundred thousand files cost no path lookups from the root; the folders at
    /// the top are walked on all cores, as git's preloaded index does (listing and stat calls
    /// are most of the time, and wait on the kernel).
    public func scan(under folder: String) throws -> [(path: String, info: stat)] {
        var folder = Substring(folder)
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        let relative = folder == "." ? "" : String(folder)
        let fd = open(absolute(relative), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT || errno == ENOTDIR || errno == ELOOP { return [] }
            throw SnapshotError("\(relative): cannot list: \(String(cString: strerror(errno)))")
        }
        let top = try entries(fd, relative)
        let folders = top.filter(\.isFolder).map(\.path)
        let walked = try ParallelMap.map(folders.count) { i in
            var files: [(path: String, info: stat)] = []
            try walk(absolute(folders[i]), folders[i], into: &files)
            return files
        }
        var result: [(path: String, info: stat)] = []
        var next = 0
        for entry in top {
            if entry.isFolder {
                result += walked[next]
                next += 1
            } else {
                result.append((entry.path, entry.info))
            }
        }
        return result
    }

    /// Appends the files under `relative` (already known to be a folder), in git's order.
    private func walk(_ path: String, _ relative: String, into result: inout [(path: String, info: stat)]) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw SnapshotError("\(relative): cannot list: \(String(cString: strerror(errno)))") }
        for entry in try entries(fd, relative) {
            if entry.isFolder {
                try walk(absolute(entry.path), entry.path, into: &result)
            } else {
                result.append((entry.path, entry.info))
            }
        }
    }

    private struct Entry {
        var path: String
        var info: stat
        var isFolder: Bool
        /// The name as git orders it: folders as if followed by "/".
        var key: [UInt8]
    }

    /// The files and folders (nested repositories left out) of the folder open as `fd`, in
    /// git's order; closes `fd`.
    private func entries(_ fd: Int32, _ relative: String) throws -> [Entry] {
        guard let dir = fdopendir(fd) else {
            close(fd)
            throw SnapshotError("\(relative): cannot list: \(String(cString: strerror(errno)))")
        }
        defer { closedir(dir) }
        var found: [Entry] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name == [0x2E] || name == [0x2E, 0x2E] || name == [0x2E, 0x67, 0x69, 0x74] { continue }  // . .. .git
            var info = stat()
            guard fstatat(fd, name.map { CChar(bitPattern: $0) } + [0], &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let text = String(decoding: name, as: UTF8.self)
            let path = relative.isEmpty ? text : "\(relative)/\(text)"
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                var nested = stat()
                if fstatat(fd, text + "/.git", &nested, AT_SYMLINK_NOFOLLOW) == 0 { continue }
                found.append(Entry(path: path, info: info, isFolder: true, key: name + [0x2F]))
            case S_IFREG: found.append(Entry(path: path, info: info, isFolder: false, key: name))
            default: continue
            }
        }
        found.sort { $0.key.lexicographicallyPrecedes($1.key) }
        return found
    }
}
