import Foundation
import AftermathCore
import AftermathGit

/// The parse cache on disk: `.git/aftermath/parse-cache-v1`, parse results by blob ID for the
/// ruleset that produced them. Derived and disposable: unreadable, damaged or foreign caches
/// are ignored (and replaced on the next save); `AFTERMATH_NO_CACHE=1` turns it off.
enum CacheStore {
    static let fileName = "parse-cache-v\(ParseCacheCodec.formatVersion)"

    static var disabled: Bool { ProcessInfo.processInfo.environment["AFTERMATH_NO_CACHE"].map { !$0.isEmpty } ?? false }

    static func path(in repository: GitRepository) -> String {
        let gitDirectory = repository.gitDirectory.hasSuffix("/") ? repository.gitDirectory : repository.gitDirectory + "/"
        return gitDirectory + "aftermath/" + fileName
    }

    /// A cache preloaded from disk for `ruleset`, or nil when caching is off.
    static func load(for ruleset: Ruleset, repository: GitRepository) -> ParseCache? {
        guard !disabled else { return nil }
        let cache = ParseCache()
        if let bytes = FileManager.default.contents(atPath: path(in: repository)),
           let entries = ParseCacheCodec.decode(Array(bytes), rulesetFingerprint: ruleset.fingerprint) {
            cache.preload(entries)
        }
        return cache
    }

    /// Saves what this run used, when it parsed anything new. Failing to save is not an error:
    /// the cache only makes the next run faster.
    static func save(_ cache: ParseCache?, for ruleset: Ruleset, repository: GitRepository) {
        guard let cache, cache.isDirty, !disabled else { return }
        let target = path(in: repository)
        let folder = (target as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? AtomicFile.overwrite(target, with: ParseCacheCodec.encode(cache.usedEntries, rulesetFingerprint: ruleset.fingerprint))
    }
}
