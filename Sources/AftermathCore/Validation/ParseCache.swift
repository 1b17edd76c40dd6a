import Foundation

/// Parse results by path and content ID, shared by the runs of one process (each commit of a
/// range re-reads mostly unchanged blobs). Across processes, the summary
/// (`SummaryFormat`) is what is kept. Only valid for one ruleset: schemas and limits
/// shape the result, so a cache is created per ruleset.
public final class ParseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Key: (contentID: String, file: ParsedFile)] = [:]

    public init() {}

    /// A path and a content ID; the path compared as bytes (two names git keeps apart are two entries).
    struct Key: Hashable {
        var path: RepositoryPath
        var contentID: String
    }

    static func key(_ path: RepositoryPath, _ contentID: String) -> Key { Key(path: path, contentID: contentID) }

    func lookup(_ path: RepositoryPath, _ contentID: String) -> ParsedFile? {
        let key = Self.key(path, contentID)
        lock.lock()
        defer { lock.unlock() }
        return entries[key]?.file
    }

    func store(_ file: ParsedFile, contentID: String) {
        let key = Self.key(file.path, contentID)
        lock.lock()
        entries[key] = (contentID, file)
        lock.unlock()
    }

    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }
}
