import AftermathCore
import AftermathGit
import Foundation

/// Failures of the engine itself (not problems in documents): the repository, its
/// configuration or a request cannot be used. Each front end decides how to show them (the
/// CLI: one `aftermath: error: …` line and the exit code of DESIGN.md section 4).
public enum WorkspaceError: Error, Sendable {
    case configuration([Diagnostic])
    case git(String)
    case usage(String)
    /// A write refused because the file changed under us (exit 1: nothing was written).
    case refused(String)
    /// A file that cannot be read, created or written (a full disk, a read-only file): the
    /// same code as the storage errors of git snapshots, as both mean the repository could not
    /// be used, not that it holds errors.
    case io(String)
    /// A tracker that could not be asked: no token, refused, unreachable, or an answer not understood.
    case tracker(String)

    /// A failed atomic write: refused (nothing was written, run again) or an I/O error.
    public init(_ failure: AtomicFile.Failure) {
        switch failure {
        case .io(let message): self = .io(message)
        case .changedSinceRead, .alreadyExists: self = .refused(failure.description)
        }
    }

    /// A Foundation file error as one line: the path and the system's reason, not the whole
    /// error value (`Error Domain=NSCocoaErrorDomain Code=… UserInfo={…}`).
    public init(fileError error: Error) {
        let nsError = error as NSError
        let path = nsError.userInfo[NSFilePathErrorKey] as? String ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path
        let reason: String
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(underlying.code)))
        } else if let posix = error as? POSIXError {
            reason = String(cString: strerror(posix.code.rawValue))
        } else {
            reason = nsError.localizedFailureReason ?? nsError.localizedDescription
        }
        self = .io(path.map { "\($0): \(reason)" } ?? reason)
    }

    /// The one-line message (configuration failures print their diagnostics instead).
    public var message: String {
        switch self {
        case .configuration: return "the configuration above must be fixed first"
        case .git(let m), .usage(let m), .refused(let m), .io(let m), .tracker(let m): return m
        }
    }
}
