import AftermathCore
import AftermathGit
#if canImport(Glibc)
import Glibc
#endif

/// The working tree, each file identified by its stat data (device, inode, size, change and
/// modification times to the nanosecond), as git's index identifies unchanged files: the
/// validator's parse cache then re-reads only files changed on disk between two checks.
/// Within the server's process only; the key is never stored.
package struct StatKeyedSnapshot: Snapshot {
    package let files: WorkingTreeSnapshot

    package init(files: WorkingTreeSnapshot) { self.files = files }

    package var label: String { files.label }
    package var confinement: RepositoryConfinement { files.confinement }

    package func read(_ path: RepositoryPath, upTo limit: Int) throws -> [UInt8]? { try files.read(path, upTo: limit) }
    package func files(under root: String) throws -> [RepositoryPath] { try files.files(under: root) }

    package func contentID(_ path: RepositoryPath) -> String? {
        var info = stat()
        let absolute = RepositoryPath(files.root + "/").bytes + path.bytes + [0]
        guard absolute.withUnsafeBufferPointer({ $0.withMemoryRebound(to: CChar.self) { lstat($0.baseAddress!, &info) } }) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return "stat:\(info.st_dev):\(info.st_ino):\(info.st_size):\(Platform.modificationTime(info)):\(Platform.changeTime(info))"
    }

    // Not a git blob ID: nothing that compares blob IDs may take it for one.
    package func contentIdentity(_ path: RepositoryPath) -> ContentID? { nil }
    package func contentIdentities(_ sortedPaths: [RepositoryPath]) -> [ContentID?] { sortedPaths.map { _ in nil } }
}
