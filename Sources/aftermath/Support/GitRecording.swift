import AftermathCore
import AftermathGit

/// `--commit`: checks the repository can take the commit before anything is written, runs
/// the write, then stages and commits exactly the written paths.
enum GitRecording {
    static func withCommit(_ message: String?, paths: [String], workspace: Workspace, write: () throws -> Void) throws {
        guard let message else { return try write() }
        let repository = try workspace.repository()
        let prefix = repositoryPrefix(workspace: workspace, repository: repository)
        try repository.ensureCommittable()
        try write()
        try repository.commit(paths: paths.map { prefix + $0 }, message: message)
    }

    /// Paths are relative to the Aftermath root, which may sit below the git work tree's root.
    private static func repositoryPrefix(workspace: Workspace, repository: GitRepository) -> String {
        guard var workdir = repository.workdir else { return "" }
        if workdir.hasSuffix("/") { workdir.removeLast() }
        let root = workspace.root
        return root.hasPrefix(workdir + "/") ? String(root.dropFirst(workdir.count + 1)) + "/" : ""
    }
}
