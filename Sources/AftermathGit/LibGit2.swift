import CLibGit2
import Foundation
import Synchronization

/// A libgit2 failure, with libgit2's own message and error class.
public struct GitError: Error, Sendable, CustomStringConvertible {
    public var code: Int32
    public var errorClass: Int32
    public var message: String

    public init(code: Int32 = -1, errorClass: Int32 = 0, message: String) {
        self.code = code
        self.errorClass = errorClass
        self.message = message
    }

    public var description: String { message }

    /// True for "not found" results (unknown revision, missing path).
    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
}

/// libgit2 wants `git_libgit2_init` once per process before any other call; a lazily
/// initialised static is Swift's thread-safe once.
public enum LibGit2 {
    /// Whether libgit2 re-hashes every object it reads (see `initializeInBackground`); read
    /// once, by the initialisation.
    private static let verifiesObjectHashes = Atomic<Bool>(true)

    private static let initialized: Bool = {
        git_libgit2_init()
        _ = aftermath_git_set_strict_hash_verification(verifiesObjectHashes.load(ordering: .acquiring) ? 1 : 0)
        // Pack files are mapped in windows; libgit2 keeps up to 8 GiB mapped by default, and a
        // full read of a large repository would keep the whole pack resident. Unused windows
        // beyond this are unmapped, at no cost in speed: a full read touches each object once.
        _ = aftermath_git_set_mwindow_size(1 << 20)
        _ = aftermath_git_set_mwindow_mapped_limit(4 << 20)
        _ = aftermath_git_set_cache_max_size(4 << 20)
        return true
    }()

    /// Initialises libgit2 if no call did yet, or waits for the initialisation under way.
    public static func ensureInitialized() { _ = initialized }

    /// Starts libgit2's initialisation on another thread; the first call that needs libgit2
    /// waits for it to finish. It takes a few milliseconds (libgit2's TLS backend loads every system CA
    /// certificate, which a local tool never uses), in every command, on the core that would
    /// otherwise idle while the command reads its arguments and its rules.
    ///
    /// - Parameter verifyingObjectHashes: whether libgit2 re-hashes every object it reads to
    ///   check it against its ID (libgit2's default). It costs about a third of reading a blob,
    ///   and repeats what git did when the object entered the repository (index-pack and
    ///   unpack-objects hash everything received), so local commands turn it off; the push
    ///   hook, reading objects just received from someone else, keeps it on.
    public static func initializeInBackground(verifyingObjectHashes: Bool) {
        verifiesObjectHashes.store(verifyingObjectHashes, ordering: .releasing)
        Thread.detachNewThread { ensureInitialized() }
    }

    /// Turns a libgit2 return code into a thrown `GitError` carrying `git_error_last()`.
    @discardableResult
    static func check(_ rc: Int32, _ context: @autoclosure () -> String = "") throws -> Int32 {
        guard rc < 0 else { return rc }
        var message = context()
        var errorClass: Int32 = 0
        if let last = git_error_last() {
            errorClass = last.pointee.klass
            let text = String(cString: last.pointee.message)
            message = message.isEmpty ? text : "\(message): \(text)"
        }
        if message.isEmpty { message = "libgit2 error \(rc)" }
        throw GitError(code: rc, errorClass: errorClass, message: message)
    }
}

/// A git object ID as lowercase hex.
public struct GitObjectID: Hashable, Sendable, CustomStringConvertible {
    public var hex: String
    public var description: String { hex }
    public var short: String { String(hex.prefix(12)) }

    init(_ oid: git_oid) {
        var copy = oid
        var buffer = [CChar](repeating: 0, count: 41)
        git_oid_fmt(&buffer, &copy)
        buffer[40] = 0
        hex = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public init(hex: String) { self.hex = hex }

    var raw: git_oid? {
        var oid = git_oid()
        return git_oid_fromstr(&oid, hex) == 0 ? oid : nil
    }

    public static let zero = GitObjectID(hex: String(repeating: "0", count: 40))
    public var isZero: Bool { hex.allSatisfy { $0 == "0" } }
}
