import Foundation

/// Parse results by path and content ID, shared by the runs of one process (each commit of a
/// range re-reads mostly unchanged blobs). Only valid for one ruleset: schemas and limits
/// shape the result, so a cache is created per ruleset.
public final class ParseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (contentID: String, file: ParsedFile)] = [:]
    private var used: Set<String> = []
    /// True once this run parsed something the cache did not have.
    public private(set) var isDirty = false

    public init() {}

    static func key(_ path: String, _ contentID: String) -> String { path + "\u{0}" + contentID }

    func lookup(_ path: String, _ contentID: String) -> ParsedFile? {
        let key = Self.key(path, contentID)
        lock.lock()
        defer { lock.unlock() }
        guard let hit = entries[key] else { return nil }
        used.insert(key)
        return hit.file
    }

    func store(_ file: ParsedFile, contentID: String) {
        let key = Self.key(file.path, contentID)
        lock.lock()
        entries[key] = (contentID, file)
        used.insert(key)
        isDirty = true
        lock.unlock()
    }

    /// Entries read from disk (`ParseCacheCodec`).
    public func preload(_ loaded: [(contentID: String, file: ParsedFile)]) {
        lock.lock()
        for entry in loaded { entries[Self.key(entry.file.path, entry.contentID)] = entry }
        lock.unlock()
    }

    /// What this run looked up or parsed: saving only these keeps the cache the size of the
    /// snapshots in use, whatever the history.
    public var usedEntries: [(contentID: String, file: ParsedFile)] {
        lock.lock()
        defer { lock.unlock() }
        return used.sorted().compactMap { entries[$0] }
    }

    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }
}
