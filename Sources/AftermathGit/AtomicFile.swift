import Foundation
import AftermathCore
#if canImport(Glibc)
import Glibc
#endif

/// File writes that a crash cannot tear and that never overwrite someone else's edit:
/// the new content goes to a temporary file in the same folder, is fsynced, and replaces the
/// original by `rename` only if the original still holds exactly what was read. Writers take
/// an advisory lock on the target, so two racing `aftermath` runs end with one winner and one
/// clear refusal.
public enum AtomicFile {
    public enum Failure: Error, CustomStringConvertible, Sendable {
        case changedSinceRead(String)
        case alreadyExists(String)
        case io(String)

        public var description: String {
            switch self {
            case .changedSinceRead(let p): return "\(p) changed since it was read; nothing was written (run the command again)"
            case .alreadyExists(let p): return "\(p) already exists; nothing was written"
            case .io(let m): return m
            }
        }
    }

    /// Test-only pause point: names a file that a write creates once its temporary file is
    /// complete; the write then waits until the file is removed (or the process is killed).
    /// Lets tests kill a process mid-write and stage races deterministically.
    public static let testPauseVariable = "AFTERMATH_TEST_PAUSE_BEFORE_RENAME"
    /// Test-only pause point just before a write takes the target's lock (same protocol).
    public static let testLockPauseVariable = "AFTERMATH_TEST_PAUSE_BEFORE_LOCK"
    /// Test-only pause point before a derived file (`overwrite`: the summary, the folder
    /// listings) is renamed into place (same protocol).
    public static let testOverwritePauseVariable = "AFTERMATH_TEST_PAUSE_BEFORE_OVERWRITE"

    static let temporaryMarker = ".aftermath-tmp-"

    /// Replaces `path` with `content` if it still holds `expected`.
    public static func replace(_ path: String, expected: [UInt8], with content: [UInt8]) throws {
        // O_NONBLOCK: a FIFO swapped in since the read is refused below instead of waited on.
        let lockFD = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard lockFD >= 0 else { throw Failure.changedSinceRead(path) }
        defer { close(lockFD) }
        var opened = stat()
        guard fstat(lockFD, &opened) == 0, (opened.st_mode & S_IFMT) == S_IFREG else { throw Failure.changedSinceRead(path) }
        pauseIfTesting(testLockPauseVariable)
        try lock(lockFD, path)
        // Re-read under the lock: any edit since our read (by a user or another run) wins.
        guard let current = try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path))), current == expected else {
            throw Failure.changedSinceRead(path)
        }
        var original = stat()
        guard fstat(lockFD, &original) == 0 else { throw Failure.io("\(path): cannot examine: \(String(cString: strerror(errno)))") }
        // A file its owner made read-only is refused, also for root (whom `access` would let
        // through): replacing it would undo that decision without a word.
        guard access(path, W_OK) == 0, original.st_mode & 0o222 != 0 else {
            throw Failure.io("\(path): cannot write: the file is read-only (\(String(original.st_mode & 0o777, radix: 8))); nothing was written")
        }
        let temporary = try writeTemporary(besides: path, pieces: [content], durable: true, like: original)
        pauseIfTesting(testPauseVariable)
        guard rename(temporary, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure.io("\(path): cannot replace: \(message)")
        }
        syncFolder(of: path)
    }

    /// Replaces `path` (which may not exist) with `content` unconditionally but atomically: for
    /// derived files such as caches and generated reports, never for documents.
    public static func overwrite(_ path: String, with content: [UInt8]) throws {
        try overwrite(path, with: [content])
    }

    /// - Parameter durable: false for data whose damage is detected and repaired (a checksummed
    ///   cache): the file is then not synced to disk, which costs more than writing it.
    public static func overwrite(_ path: String, with pieces: [[UInt8]], durable: Bool = true) throws {
        let temporary = try writeTemporary(besides: path, pieces: pieces, durable: durable)
        pauseIfTesting(testOverwritePauseVariable)
        guard rename(temporary, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure.io("\(path): cannot replace: \(message)")
        }
    }

    /// Creates `path` with `content`, failing if anything exists there: the content appears
    /// complete or not at all (written to a temporary file, then hard-linked into place).
    public static func create(_ path: String, content: [UInt8]) throws {
        let temporary = try writeTemporary(besides: path, content: content)
        defer { unlink(temporary) }
        pauseIfTesting(testPauseVariable)
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { throw Failure.alreadyExists(path) }
            throw Failure.io("\(path): cannot create: \(String(cString: strerror(errno)))")
        }
        syncFolder(of: path)
    }

    private static func lock(_ fd: Int32, _ path: String) throws {
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            throw Failure.io("\(path): cannot lock: \(String(cString: strerror(errno)))")
        }
    }

    /// `.name.aftermath-tmp-XXXXXX` in the target's folder: hidden, not `.md`, so no
    /// validation run ever reads one; stale ones from a killed run are removed here.
    private static func writeTemporary(besides path: String, content: [UInt8]) throws -> String {
        try writeTemporary(besides: path, pieces: [content], durable: true)
    }

    /// - Parameter original: the file being replaced, whose permission bits (and owner and
    ///   group, where this process may set them) the replacement keeps.
    private static func writeTemporary(besides path: String, pieces: [[UInt8]], durable: Bool, like original: stat? = nil) throws -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        removeStaleTemporaries(in: folder, for: url.lastPathComponent)
        var template = Array("\(folder)/.\(url.lastPathComponent)\(temporaryMarker)\(getpid())-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw Failure.io("\(folder): cannot create a temporary file: \(String(cString: strerror(errno)))") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = true
        for piece in pieces where ok {
            piece.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 { if errno == EINTR { continue }; ok = false; return }
                    offset += n
                }
            }
        }
        if let original {
            // Owner first: changing it clears set-ID bits, which the mode then restores.
            if original.st_uid != geteuid() || original.st_gid != getegid() { _ = fchown(fd, original.st_uid, original.st_gid) }
            if fchmod(fd, original.st_mode & 0o7777) != 0 { ok = false }
        } else {
            // Keep the permissions a normal file write would give.
            let mask = umask(0)
            umask(mask)
            fchmod(fd, 0o666 & ~mask)
        }
        if durable && fsync(fd) != 0 { ok = false }
        close(fd)
        guard ok else {
            unlink(temporary)
            throw Failure.io("\(path): cannot write: \(String(cString: strerror(errno)))")
        }
        return temporary
    }

    private static func removeStaleTemporaries(in folder: String, for name: String) {
        guard let items = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let prefix = ".\(name)\(temporaryMarker)"
        for item in items where item.hasPrefix(prefix) {
            // The writer's process ID is in the name: remove only files of processes that are
            // gone (killed mid-write), never those of a concurrent run.
            guard let pid = Int32(item.dropFirst(prefix.count).prefix { $0 != "-" }) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink("\(folder)/\(item)") }
        }
    }

    private static func syncFolder(of path: String) {
        let fd = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    private static func pauseIfTesting(_ variable: String) {
        guard let marker = ProcessInfo.processInfo.environment[variable] else { return }
        _ = FileManager.default.createFile(atPath: marker, contents: Data("paused\n".utf8))
        // Bounded, so a test that fails half-way cannot leave a process waiting forever.
        for _ in 0..<6000 where FileManager.default.fileExists(atPath: marker) { usleep(10_000) }
    }
}
