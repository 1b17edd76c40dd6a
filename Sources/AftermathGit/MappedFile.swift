import AftermathCore
#if canImport(Glibc)
import Glibc
#endif

/// A file mapped read-only into memory: readers touch only the pages they use, and nothing is
/// decoded or copied up front.
public enum MappedFile {
    /// The file's bytes, or nil when it is missing, empty or cannot be mapped.
    public static func map(_ path: String) -> ByteStore? {
        // O_NONBLOCK: a FIFO put in its place is refused below instead of waited on.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        return ByteStore(buffer: UnsafeRawBufferPointer(start: base, count: size)) { buffer in
            _ = munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
        }
    }
}
