/// How a state of the repository differs from the state a summary describes: the documents
/// (`.md` files under the roots) added, changed or deleted, by path.
public struct SnapshotDelta: Sendable, Equatable {
    /// Path → the new content ID, or nil when the document is gone.
    public var changes: [String: ContentID?]

    public init(_ changes: [String: ContentID?] = [:]) { self.changes = changes }

    public var isEmpty: Bool { changes.isEmpty }

    /// The delta to a complete listing of a state's documents, sorted by path bytes: one pass
    /// over both, comparing bytes in place.
    public static func between(_ summary: SummaryFile, and listing: ContentListing) -> SnapshotDelta {
        var changes: [String: ContentID?] = [:]
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
    public static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { a in b.withUTF8 { b in compare(UnsafeRawBufferPointer(a), UnsafeRawBufferPointer(b)) < 0 } }
    }

    static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let n = min(a.count, b.count)
        if n > 0, let pa = a.baseAddress, let pb = b.baseAddress {
            let c = memcmp(pa, pb, n)
            if c != 0 { return Int(c) }
        }
        return a.count - b.count
    }
}

/// The documents of one state with their content IDs, sorted by path bytes: what the git index
/// or a tree lists, kept as one buffer so a hundred thousand entries cost no allocations each.
public struct ContentListing: Sendable {
    private var pathBytes: [UInt8] = []
    private var pathEnds: [Int] = []
    private var ids: [ContentID] = []

    public init() {}

    /// Room for `count` entries with `pathBytes` bytes of paths in all, so appending never
    /// copies (a hundred thousand paths are megabytes).
    public init(reserving count: Int, pathBytes bytes: Int) {
        pathBytes.reserveCapacity(bytes)
        pathEnds.reserveCapacity(count)
        ids.reserveCapacity(count)
    }

    public var count: Int { ids.count }

    /// Bytes of all paths together.
    public var pathByteCount: Int { pathBytes.count }

    /// Appends a path after every path already listed (git lists in this order); false, and
    /// nothing appended, for a path out of order.
    @discardableResult
    public mutating func append(path: UnsafeRawBufferPointer, id: ContentID) -> Bool {
        if count > 0, withPathBytes(count - 1, { SnapshotDelta.compare($0, path) >= 0 }) { return false }
        pathBytes.append(contentsOf: path)
        pathEnds.append(pathBytes.count)
        ids.append(id)
        return true
    }

    /// The position of `path`, by binary search.
    public func index(of path: String) -> Int? {
        pathBytes.withUnsafeBytes { all in SortedBytes.find(path, count: count, at: { slice(all, $0) }) }
    }

    /// The position of `path` when paths are looked up in order: the search starts at `hint`
    /// (the position after the previous lookup) and moves it on, so a sorted sequence of
    /// lookups costs one pass over the listing instead of a binary search each.
    public func index(of path: String, hint: inout Int) -> Int? {
        var path = path
        return path.withUTF8 { wanted in
            let wanted = UnsafeRawBufferPointer(wanted)
            return pathBytes.withUnsafeBytes { all in
                var i = hint
                if i > 0, SnapshotDelta.compare(slice(all, i - 1), wanted) >= 0 {
                    i = SortedBytes.lowerBound(wanted, count: count, at: { slice(all, $0) })  // out of order
                } else {
                    var steps = 0
                    while i < count, SnapshotDelta.compare(slice(all, i), wanted) < 0 {
                        i += 1
                        steps += 1
                        if steps == 32 {  // a long gap: jump
                            i += SortedBytes.lowerBound(wanted, count: count - i, at: { slice(all, i + $0) })
                            break
                        }
                    }
                }
                guard i < count, SnapshotDelta.compare(slice(all, i), wanted) == 0 else {
                    hint = i
                    return nil
                }
                hint = i + 1
                return i
            }
        }
    }

    /// The positions of the paths under `folder` (all for "").
    public func indices(under folder: String) -> Range<Int> {
        guard !folder.isEmpty else { return 0..<count }
        let prefix = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8)
        func firstNotBelow(_ bound: [UInt8]) -> Int {
            pathBytes.withUnsafeBytes { all in
                bound.withUnsafeBytes { SortedBytes.lowerBound($0, count: count, at: { slice(all, $0) }) }
            }
        }
        // Everything starting with "folder/" sorts between "folder/" and "folder0" ('0' follows '/').
        return firstNotBelow(prefix)..<firstNotBelow(Array(prefix.dropLast()) + [UInt8(ascii: "0")])
    }

    public func contentID(_ i: Int) -> ContentID { ids[i] }

    public func path(_ i: Int) -> String { withPathBytes(i) { String(decoding: $0, as: UTF8.self) } }

    public func withPathBytes<T>(_ i: Int, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        pathBytes.withUnsafeBytes { body(slice($0, i)) }
    }

    private func slice(_ all: UnsafeRawBufferPointer, _ i: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: all[(i == 0 ? 0 : pathEnds[i - 1])..<pathEnds[i]])
    }

}

/// Which paths are documents: `.md` files under one of the configured roots. Works on bytes
/// so listings can be filtered before any string is made.
public struct DocumentPathFilter: Sendable {
    private let prefixes: [[UInt8]]

    public init(roots: [String]) {
        prefixes = roots.map { root in
            let folder = root == "." ? "" : RepositoryConfiguration.normalizeFolder(root)
            return folder.isEmpty ? [] : Array((folder + "/").utf8)
        }
    }

    public func matches(_ path: UnsafeRawBufferPointer) -> Bool {
        guard path.count >= 3, path[path.count - 3] == UInt8(ascii: "."), path[path.count - 2] == UInt8(ascii: "m"),
              path[path.count - 1] == UInt8(ascii: "d") else { return false }
        return prefixes.contains { prefix in path.starts(with: prefix) }
    }

    public func matches(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { matches(UnsafeRawBufferPointer($0)) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
