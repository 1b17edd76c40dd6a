import Foundation
import AftermathCore
import AftermathGit

/// The summary of the last full validation on disk: `.git/aftermath/summary-v<version>` (see
/// `SummaryFormat`). Derived and disposable: mapped read-only, ignored
/// when damaged, of another version or for other rules, and replaced atomically
/// by the next full run. `AFTERMATH_NO_CACHE=1` turns it off.
package enum SummaryStore {
    package static var disabled: Bool { ProcessInfo.processInfo.environment["AFTERMATH_NO_CACHE"].map { !$0.isEmpty } ?? false }

    package static func path(in repository: GitRepository) -> String {
        let gitDirectory = repository.gitDirectory.hasSuffix("/") ? repository.gitDirectory : repository.gitDirectory + "/"
        return gitDirectory + "aftermath/summary-v\(SummaryFile.formatVersion)"
    }

    package static func load(from repository: GitRepository) -> SummaryFile? {
        guard !disabled, let store = MappedFile.map(path(in: repository)), let summary = SummaryFile(store),
              summary.producer == producer else { return nil }
        return summary
    }

    /// This build of the tool: its version and its executable's size, time and inode. A summary
    /// records what the rules found, so one written by another build (an upgrade, a fix to a
    /// rule) is not used even when the configuration is the same.
    package static let producer: UInt64 = {
        var info = stat()
        let executable = Platform.executablePath ?? ""
        let identity = stat(executable, &info) == 0
            ? "\(info.st_size) \(Platform.modificationTime(info)) \(info.st_ino) \(info.st_dev)"
            : executable
        return Fingerprint.of(Array("\(ProductVersion.current) \(identity)".utf8))
    }()

    /// What a summary needs of a full run besides its diagnostics: each document's content ID
    /// and how documents link. Worked out while the repository rules run (see
    /// `Validator.validate(_:only:meanwhile:)`); nil when summaries are off or a document has
    /// no content ID (then no summary is written).
    package struct Prepared: Sendable {
        package var entries: [SummaryBuilder.Entry]
        package var links: SummaryBuilder.Links
    }

    /// - Parameter documents: by position in `paths` (sorted), nil for files that did not read as documents.
    package static func prepare(paths: [RepositoryPath], documents: [Document?], snapshot: Snapshot) -> Prepared? {
        guard !disabled else { return nil }
        var entries: [SummaryBuilder.Entry] = []
        entries.reserveCapacity(paths.count)
        for (i, id) in snapshot.contentIdentities(paths).enumerated() {
            guard let id else { return nil }
            entries.append(SummaryBuilder.Entry(path: paths[i], contentID: id, document: documents[i]))
        }
        return Prepared(entries: entries, links: SummaryBuilder.links(entries))
    }

    /// Writes the summary of a full run; whether it was written. Failing to write is not an error.
    @discardableResult
    package static func save(_ prepared: Prepared?, diagnostics: [Diagnostic], ruleset: Ruleset, tree: ContentID?,
                     repository: GitRepository, threads: Int) -> Bool {
        guard let prepared, !disabled else { return false }
        guard let parts = SummaryBuilder.parts(prepared.entries, diagnostics: diagnostics, ruleset: ruleset,
                                               tree: tree, producer: producer, threads: threads, links: prepared.links) else { return false }
        let target = path(in: repository)
        try? FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // Not synced to disk: a summary torn by a crash fails its checksum and is rebuilt.
        guard (try? AtomicFile.overwrite(target, with: parts.pieces, durable: false)) != nil else { return false }
        removeOtherVersions(besides: target)
        return true
    }

    /// The summary of a full run, kept in memory only (for a process that must write nothing,
    /// such as the language server); nil when summaries are off or it cannot be made.
    package static func inMemory(_ prepared: Prepared?, diagnostics: [Diagnostic], ruleset: Ruleset, threads: Int) -> SummaryFile? {
        guard let prepared, !disabled,
              let parts = SummaryBuilder.parts(prepared.entries, diagnostics: diagnostics, ruleset: ruleset, tree: nil, producer: producer,
                                               threads: threads, links: prepared.links) else { return nil }
        return SummaryFile(ByteStore(copying: parts.joined))
    }

    /// Files of other format versions (left by an older or newer build) are never read by this
    /// one: the first it writes of a kind (`summary-v7`, `folders-v1`) removes the others of
    /// that kind, so an upgrade does not leave tens of megabytes behind. (A build that needs
    /// one back rebuilds it.)
    private static func removeOtherVersions(besides target: String) {
        let folder = (target as NSString).deletingLastPathComponent
        let current = (target as NSString).lastPathComponent
        guard let kind = current.range(of: "-v").map({ String(current[..<$0.upperBound]) }) else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasPrefix(kind) && name != current && name.dropFirst(kind.count).allSatisfy(\.isNumber) {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    /// Where the working tree's folder listings are kept (`FolderListings`), beside the summary.
    package static func folderListingsPath(in repository: GitRepository) -> String {
        (path(in: repository) as NSString).deletingLastPathComponent + "/folders-v\(FolderListings.formatVersion)"
    }

    /// A memory of folders for a walk of the working tree at `root`, holding the last walk's
    /// listings when they are there, undamaged and of that root; nil when summaries are off.
    package static func folderMemory(in repository: GitRepository, root: String) -> FolderMemory? {
        guard !disabled else { return nil }
        let earlier = MappedFile.map(folderListingsPath(in: repository)).flatMap(FolderListings.init)
        return FolderMemory(earlier: earlier?.root == root ? earlier : nil)
    }

    /// Keeps what a walk learnt of the folders for the next one, when that is worth a write.
    /// Failing to write is not an error: the next walk lists more folders.
    package static func keep(_ memory: FolderMemory?, root: String, in repository: GitRepository) {
        guard let memory else { return }
        defer { memory.clear() }
        guard let bytes = memory.worthSaving(root: root) else { return }
        let target = folderListingsPath(in: repository)
        try? FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard (try? AtomicFile.overwrite(target, with: [bytes], durable: false)) != nil else { return }
        removeOtherVersions(besides: target)
    }
}
