import Foundation

/// Parse results by path and content ID, shared by the runs of one process (each commit of a
/// range re-reads mostly unchanged blobs). Only valid for one ruleset: schemas and limits
/// shape the result, so a cache is created per ruleset.
public final class ParseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: ParsedFile] = [:]

    public init() {}

    static func key(_ path: String, _ contentID: String) -> String { path + "\u{0}" + contentID }

    func lookup(_ path: String, _ contentID: String) -> ParsedFile? {
        lock.lock()
        defer { lock.unlock() }
        return entries[Self.key(path, contentID)]
    }

    func store(_ file: ParsedFile, contentID: String) {
        lock.lock()
        entries[Self.key(file.path, contentID)] = file
        lock.unlock()
    }

    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }
}
