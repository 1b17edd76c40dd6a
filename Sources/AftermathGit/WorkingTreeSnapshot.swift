import AftermathCore
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
        var result: [String] = []
        var folder = Substring(folder)
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        try walk(folder == "." ? "" : String(folder), into: &result)
        return result.sorted()
    }

    private func walk(_ relative: String, into result: inout [String]) throws {
        guard let dir = opendir(absolute(relative)) else {
            if errno == ENOENT || errno == ENOTDIR { return }
            throw SnapshotError("\(relative): cannot list: \(String(cString: strerror(errno)))")
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." || name == ".git" { continue }
            let path = relative.isEmpty ? name : "\(relative)/\(name)"
            // d_type saves a stat per file; only file systems that do not report it need one.
            var mode: UInt32
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): mode = S_IFDIR
            case Int32(DT_REG): mode = S_IFREG
            case Int32(DT_UNKNOWN):
                var info = stat()
                guard lstat(absolute(path), &info) == 0 else { continue }
                mode = info.st_mode & S_IFMT
            default: continue
            }
            switch mode {
            case S_IFDIR:
                var nested = stat()
                if lstat(absolute(path) + "/.git", &nested) == 0 { continue }
                try walk(path, into: &result)
            case S_IFREG: result.append(path)
            default: continue
            }
        }
    }
}
