import AftermathCore
import AftermathGit

/// `--commit`: checks the repository can take the commit before anything is written, runs
/// the write, then stages and commits exactly the written paths.
package enum GitRecording {
    package static func withCommit(_ message: String?, paths: [String], workspace: RepositoryAccess, write: () throws -> Void) throws {
        guard let message else { return try write() }
        let repository = try workspace.repository()
        let folder = workspace.subfolder(in: repository)
        let prefix = folder.isEmpty ? "" : folder + "/"
        try repository.ensureCommittable()
        try write()
        try repository.commit(paths: paths.map { prefix + $0 }, message: message)
    }
}
