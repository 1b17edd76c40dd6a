import AftermathCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A folder held open for the life of a snapshot (none, -1, when it cannot be opened: paths
/// are then opened whole).
final class OpenRoot: Sendable {
    let fd: Int32
    init(_ path: String) { fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
    deinit { if fd >= 0 { close(fd) } }
}
