import Foundation
import AftermathCore
import AftermathGit

/// The summary of the last full validation on disk: `.git/aftermath/summary-v1` (see
/// `SummaryFormat`). Derived and disposable: mapped read-only, ignored
/// when damaged, of another version or for other rules, and replaced atomically
/// by the next full run. `AFTERMATH_NO_CACHE=1` turns it off.
enum SummaryStore {
    static var disabled: Bool { ProcessInfo.processInfo.environment["AFTERMATH_NO_CACHE"].map { !$0.isEmpty } ?? false }

    static func path(in repository: GitRepository) -> String {
        let gitDirectory = repository.gitDirectory.hasSuffix("/") ? repository.gitDirectory : repository.gitDirectory + "/"
        return gitDirectory + "aftermath/summary-v\(SummaryFile.formatVersion)"
    }

    static func load(from repository: GitRepository) -> SummaryFile? {
        guard !disabled, let store = MappedFile.map(path(in: repository)), let summary = SummaryFile(store),
              summary.producer == producer else { return nil }
        return summary
    }

    /// This build of the tool: its version and its executable's size, time and inode. A summary
    /// records what the rules found, so one written by another build (an upgrade, a fix to a
    /// rule) is not used even when the configuration is the same.
    static let producer: UInt64 = {
        var info = stat()
        let executable = "/proc/self/exe"
        let identity = stat(executable, &info) == 0
            ? "\(info.st_size) \(info.st_mtim.tv_sec) \(info.st_mtim.tv_nsec) \(info.st_ino) \(info.st_dev)"
            : CommandLine.arguments.first ?? ""
        return Fingerprint.of(Array("\(Aftermath.version) \(identity)".utf8))
    }()

    /// Writes the summary of a full run over `snapshot`. Failing to write is not an error.
    /// - Parameter documents: the run's documents, sorted by path.
    static func save(documents: [Document], of result: ValidationResult, snapshot: Snapshot, ruleset: Ruleset,
                     tree: ContentID?, repository: GitRepository, threads: Int) {
        guard !disabled else { return }
        // Both lists are sorted by path: one walk pairs each path with its document.
        var next = 0
        var entries: [SummaryBuilder.Entry] = []
        entries.reserveCapacity(result.paths.count)
        let ids = snapshot.contentIdentities(result.paths)
        for (path, id) in zip(result.paths, ids) {
            guard let id else { return }
            while next < documents.count && documents[next].path < path { next += 1 }
            let document = next < documents.count && documents[next].path == path ? documents[next] : nil
            entries.append(SummaryBuilder.Entry(path: path, contentID: id, document: document))
        }
        guard let parts = SummaryBuilder.parts(entries, diagnostics: result.allDiagnostics, rulesetFingerprint: ruleset.fingerprint,
                                               tree: tree, producer: producer, threads: threads) else { return }
        let target = path(in: repository)
        try? FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // Not synced to disk: a summary torn by a crash fails its checksum and is rebuilt.
        try? AtomicFile.overwrite(target, with: parts.pieces, durable: false)
    }
}
