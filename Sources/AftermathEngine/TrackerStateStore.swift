import Foundation
import AftermathCore
import AftermathGit

/// The kept tracker states on disk: `.git/aftermath/tracker-states-v<version>` (see
/// `TrackerStates`). Derived and disposable: a damaged file or one of another version reads
/// as no states, and the next `aftermath bugs --refresh` writes it anew, atomically. Only
/// consulted when some tracker names its API (`kind`), so repositories without one never
/// look for it.
package enum TrackerStateStore {
    package static func path(in repository: GitRepository) -> String {
        let gitDirectory = repository.gitDirectory.hasSuffix("/") ? repository.gitDirectory : repository.gitDirectory + "/"
        return gitDirectory + "aftermath/tracker-states-v\(TrackerStates.formatVersion)"
    }

    package static func load(from repository: GitRepository) -> TrackerStates {
        guard let data = FileManager.default.contents(atPath: path(in: repository)) else { return TrackerStates() }
        return TrackerStates(decoding: Array(data)) ?? TrackerStates()
    }

    package static func save(_ states: TrackerStates, in repository: GitRepository) throws {
        let target = path(in: repository)
        try? FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // Not synced to disk: a torn file fails its checksum and the next refresh rebuilds it.
        try AtomicFile.overwrite(target, with: [states.encoded()], durable: false)
    }

    /// `ruleset` judging with the states kept in `workspace`'s repository, when it has trackers
    /// with an API and a repository to keep them in.
    package static func applied(to ruleset: Ruleset, workspace: RepositoryAccess, today: Timestamp?) -> Ruleset {
        guard ruleset.configuration.trackers.trackers.contains(where: { $0.api != nil }),
              let repository = try? workspace.repository() else { return ruleset }
        return ruleset.keeping(load(from: repository), today: today ?? currentDay)
    }

    /// Today in UTC, for commands without `--today`.
    static var currentDay: Timestamp {
        Timestamp(secondsSinceEpoch: (Date().timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
    }
}
