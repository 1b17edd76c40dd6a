import AftermathCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
        guard let path = Platform.path(ofOpen: fd) else { return nil }
        return path.hasSuffix("/" + injected) ? String(cString: strerror(EIO)) : nil
    }
}
