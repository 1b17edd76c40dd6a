import AftermathCore
#if canImport(Glibc)
import Glibc
#endif

extension RepositoryConfinement {
    /// Confinement to a repository on disk: symbolic links count where they lead.
    public static func fileSystem(root: String) -> RepositoryConfinement {
        RepositoryConfinement(root: root, realRoot: realPath(root) ?? root, realPath: realPath)
    }

    @Sendable static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
