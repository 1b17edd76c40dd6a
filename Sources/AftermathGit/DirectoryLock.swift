#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock on a folder, held while commands that allocate IDs scan and
/// create files, so concurrent `aftermath new` runs never take the same ID.
public final class DirectoryLock {
    private let fd: Int32

    public init(_ path: String) throws {
        fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicFile.Failure.io("\(path): cannot open to lock: \(String(cString: strerror(errno)))") }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let message = String(cString: strerror(errno))
            close(fd)
            throw AtomicFile.Failure.io("\(path): cannot lock: \(message)")
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
