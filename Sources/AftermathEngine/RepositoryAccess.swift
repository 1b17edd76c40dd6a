import Foundation
import AftermathCore
import AftermathGit

/// The repository a run works on, and how it opens its snapshots and rules: the engine's
/// lowest layer, under `Workspace`.
package struct RepositoryAccess {
    package let location: RepositoryLocation
    private let environment: [String: String]

    package init(directory: String = FileManager.default.currentDirectoryPath, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        location = RepositoryLocation.find(from: directory)
    }

    package var root: String { location.root }

    /// Inside a git hook (`GIT_DIR`, `GIT_INDEX_FILE` or git's push quarantine set), the
    /// repository is opened from the environment so the hook sees what git sees.
    package var openFromEnvironment: Bool {
        ["GIT_DIR", "GIT_INDEX_FILE", "GIT_QUARANTINE_PATH", "GIT_OBJECT_DIRECTORY"].contains { environment[$0] != nil }
    }

    package func repository() throws -> GitRepository {
        if openFromEnvironment { return try GitRepository(path: root, fromEnvironment: true) }
        guard let gitDir = GitRepository.discover(from: root) else {
            throw WorkspaceError.git("\(root) is not inside a git repository")
        }
        return try GitRepository(path: gitDir)
    }

    package func snapshot(_ choice: SnapshotChoice) throws -> Snapshot {
        switch choice {
        case .staged:
            let repository = try repository()
            return scoped(try repository.stagedSnapshot(), in: repository)
        case .revision(let rev):
            let repository = try repository()
            return scoped(try repository.snapshot(ofRevision: rev), in: repository)
        case .workingTree: return WorkingTreeSnapshot(root: root)
        }
    }

    /// A git snapshot as seen from the Aftermath root, which may be a folder of the work tree.
    package func scoped(_ snapshot: Snapshot, in repository: GitRepository) -> Snapshot {
        let folder = subfolder(in: repository)
        return folder.isEmpty ? snapshot : SubfolderSnapshot(base: snapshot, folder: folder)
    }

    /// The Aftermath root relative to the git work tree's root (empty when they are the same).
    package func subfolder(in repository: GitRepository) -> String {
        guard var workdir = repository.workdir else { return "" }
        if workdir.hasSuffix("/") { workdir.removeLast() }
        let resolvedRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        let resolvedWorkdir = URL(fileURLWithPath: workdir).resolvingSymlinksInPath().path
        guard resolvedRoot.hasPrefix(resolvedWorkdir + "/") else { return "" }
        return String(resolvedRoot.dropFirst(resolvedWorkdir.count + 1))
    }

    /// The working tree's rules for a command on the working tree, read before its repository
    /// is opened: opening waits for libgit2 to finish initialising on the other core
    /// (`LibGit2.initializeInBackground`), and this gives that core something to overlap.
    package func workingTreeRulesFirst(_ choice: SnapshotChoice, today: Timestamp? = nil) throws -> Ruleset? {
        choice.isWorkingTree ? try ruleset(from: WorkingTreeSnapshot(root: root), today: today) : nil
    }

    /// The rules that judge `snapshot`, read from `snapshot` (or another, trusted one), with
    /// the tracker states kept in this clone (stale ones judged as of `today`, else today).
    package func ruleset(from snapshot: Snapshot, today: Timestamp? = nil) throws -> Ruleset {
        TrackerStateStore.applied(to: try Self.ruleset(from: snapshot), workspace: self, today: today)
    }

    package static func ruleset(from snapshot: Snapshot) throws -> Ruleset {
        switch try RulesetLoader.load(from: snapshot) {
        case .success(let ruleset): return ruleset
        case .failure(let error): throw WorkspaceError.configuration(error.diagnostics)
        }
    }
}
