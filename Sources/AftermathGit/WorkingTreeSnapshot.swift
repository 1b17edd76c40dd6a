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
        return Array(bytes.prefix(filled))
    }

    public func files(under folder: String) throws -> [String] {
        try scan(under: folder).map(\.path).sorted()
    }

    /// The regular files under `folder` with their stat data, in no particular order. Folders
    /// are opened relative to their parent and files examined relative to their folder, so a
    /// hundred thousand files cost no path lookups from the root.
    public func scan(under folder: String) throws -> [(path: String, info: stat)] {
        var folder = Substring(folder)
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        let relative = folder == "." ? "" : String(folder)
        let fd = open(absolute(relative), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT || errno == ENOTDIR || errno == ELOOP { return [] }
            throw SnapshotError("\(relative): cannot list: \(String(cString: strerror(errno)))")
        }
        // The top level is read here; its folders are walked on several threads, as git's
        // preloaded index does: listing and stat calls are most of the time and wait on the kernel.
        var top: [(path: String, info: stat)] = []
        var folders: [String] = []
        try walk(fd, relative, into: &top, descend: false, folders: &folders)
        let subfolders = folders
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, folders.count))
        let slots = (0..<workers).map { _ in ScanSlot() }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let slot = slots[worker]
            for i in stride(from: worker, to: subfolders.count, by: workers) {
                let child = open(absolute(subfolders[i]), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else {
                    slot.error = SnapshotError("\(subfolders[i]): cannot list: \(String(cString: strerror(errno)))")
                    return
                }
                do {
                    var ignored: [String] = []
                    try walk(child, subfolders[i], into: &slot.files, descend: true, folders: &ignored)
                } catch {
                    slot.error = error
                    return
                }
            }
        }
        if let error = slots.lazy.compactMap(\.error).first { throw error }
        return top + slots.flatMap(\.files)
    }

    /// Walks the folder open as `fd` (and closes it); without `descend`, lists its folders
    /// (nested repositories left out) in `folders` instead of walking them.
    private func walk(_ fd: Int32, _ relative: String, into result: inout [(path: String, info: stat)],
                      descend: Bool, folders: inout [String]) throws {
        guard let dir = fdopendir(fd) else {
            close(fd)
            throw SnapshotError("\(relative): cannot list: \(String(cString: strerror(errno)))")
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." || name == ".git" { continue }
            let path = relative.isEmpty ? name : "\(relative)/\(name)"
            var info = stat()
            guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else { throw SnapshotError("\(path): cannot list: \(String(cString: strerror(errno)))") }
                var nested = stat()
                let isRepository = fstatat(child, ".git", &nested, AT_SYMLINK_NOFOLLOW) == 0
                if isRepository || !descend {
                    close(child)
                    if !isRepository { folders.append(path) }
                    continue
                }
                try walk(child, path, into: &result, descend: true, folders: &folders)
            case S_IFREG: result.append((path, info))
            default: continue
            }
        }
    }
}

/// One scanning thread's findings.
private final class ScanSlot: @unchecked Sendable {
    var files: [(path: String, info: stat)] = []
    var error: Error?
}
