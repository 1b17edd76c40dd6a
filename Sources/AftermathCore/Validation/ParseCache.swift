import Foundation

/// Parse results by path and content ID, shared by the runs of one process (each commit of a
/// range re-reads mostly unchanged blobs). Across processes, the summary
/// (`SummaryFormat`) is what is kept. Only valid for one ruleset: schemas and limits
/// shape the result, so a cache is created per ruleset.
public final class ParseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (contentID: String, file: ParsedFile)] = [:]

    public init() {}

    static func key(_ path: String, _ contentID: String) -> String { path + "\u{0}" + contentID }

    func lookup(_ path: String, _ contentID: String) -> ParsedFile? {
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
