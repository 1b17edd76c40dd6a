/// How a state of the repository differs from the state a summary describes: the documents
/// (`.md` files under the roots) added, changed or deleted, by path.
public struct SnapshotDelta: Sendable, Equatable {
    /// Path → the new content ID, or nil when the document is gone.
    public var changes: [RepositoryPath: ContentID?]

    public init(_ changes: [RepositoryPath: ContentID?] = [:]) { self.changes = changes }

    /// The delta to a complete listing of a state's documents, sorted by path bytes: one pass
    /// over both, comparing bytes in place.
    public static func between(_ summary: SummaryFile, and listing: ContentListing) -> SnapshotDelta {
        var changes: [RepositoryPath: ContentID?] = [:]
        var i = 0, j = 0
        while i < summary.documentCount || j < listing.count {
            if j == listing.count {
                changes[summary.path(i)] = .some(nil)
                i += 1
                continue
            }
            if i == summary.documentCount {
                changes[listing.path(j)] = listing.contentID(j)
                j += 1
                continue
            }
            let order = listing.withPathBytes(j) { Self.compare(summary.pathBytes(i), $0) }
            if order < 0 {
                changes[summary.path(i)] = .some(nil)
                i += 1
            } else if order > 0 {
                changes[listing.path(j)] = listing.contentID(j)
                j += 1
            } else {
                if summary.contentID(i) != listing.contentID(j) { changes[listing.path(j)] = listing.contentID(j) }
                i += 1
                j += 1
            }
        }
        return SnapshotDelta(changes)
    }

    /// Byte order of paths, as git sorts them (and far cheaper than comparing `String`s).
    public static func precedes(_ a: RepositoryPath, _ b: RepositoryPath) -> Bool { a < b }

    /// Byte order of strings (keys, IDs).
    public static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { a in b.withUTF8 { b in compare(UnsafeRawBufferPointer(a), UnsafeRawBufferPointer(b)) < 0 } }
    }

    static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int { RepositoryPath.compare(a, b) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
