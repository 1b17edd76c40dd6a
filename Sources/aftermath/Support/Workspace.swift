import Foundation
import AftermathCore
import AftermathGit

/// The repository a command works on, and how it reads snapshots and rules from it.
struct Workspace {
    let location: RepositoryLocation
    private let environment: [String: String]

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        location = RepositoryLocation.find()
    }

    var root: String { location.root }

    /// Inside a git hook (`GIT_DIR`, `GIT_INDEX_FILE` or git's push quarantine set), the
    /// repository is opened from the environment so the hook sees what git sees.
    var openFromEnvironment: Bool {
        ["GIT_DIR", "GIT_INDEX_FILE", "GIT_QUARANTINE_PATH", "GIT_OBJECT_DIRECTORY"].contains { environment[$0] != nil }
    }

    func repository() throws -> GitRepository {
        if openFromEnvironment { return try GitRepository(path: root, fromEnvironment: true) }
        guard let gitDir = GitRepository.discover(from: root) else {
            throw CLIFailure.git("\(root) is not inside a git repository")
        }
        return try GitRepository(path: gitDir)
    }

    func snapshot(_ choice: SnapshotChoice) throws -> Snapshot {
        switch choice {
        case .staged: return try repository().stagedSnapshot()
        case .revision(let rev): return try repository().snapshot(ofRevision: rev)
        case .workingTree: return WorkingTreeSnapshot(root: root)
        }
    }

    /// The rules that judge `snapshot`, read from `snapshot` (or another, trusted one).
    func ruleset(from snapshot: Snapshot) throws -> Ruleset { try Self.ruleset(from: snapshot) }

    static func ruleset(from snapshot: Snapshot) throws -> Ruleset {
        switch try RulesetLoader.load(from: snapshot) {
        case .success(let ruleset): return ruleset
        case .failure(let error): throw CLIFailure.configuration(error.diagnostics)
        }
    }
}
