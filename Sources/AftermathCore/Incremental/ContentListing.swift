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

    /// A listing of paths in any order: sorted by bytes first, unless they come sorted (as
    /// from a tree walk or a folder scan in git's order).
    public init(sorting entries: [(path: RepositoryPath, id: ContentID)]) {
        self.init(inOrder: entries, skipping: false)
        guard count < entries.count else { return }
        self.init(inOrder: entries.sorted { $0.path < $1.path }, skipping: true)
    }

    /// The entries in order, up to the first that is not or (`skipping`) all but those: in
    /// sorted entries, the repetitions of a path.
    private init(inOrder entries: [(path: RepositoryPath, id: ContentID)], skipping: Bool) {
        self.init(reserving: entries.count, pathBytes: entries.reduce(0) { $0 + $1.path.byteCount })
        for (path, id) in entries {
            guard path.withBytes({ append(path: $0, id: id) }) || skipping else { return }
        }
    }

    /// Listings one after another as one, or nil when one's first path does not come after the
    /// previous one's last: parts listed apart (by several threads) joined by copying buffers.
    public init?(joining parts: [ContentListing]) {
        var count = 0, bytes = 0
        for part in parts {
            count += part.count
            bytes += part.pathBytes.count
        }
        self.init(reserving: count, pathBytes: bytes)
        for part in parts where part.count > 0 {
            if self.count > 0 {
                let inOrder = withPathBytes(self.count - 1) { last in part.withPathBytes(0) { SnapshotDelta.compare(last, $0) < 0 } }
                guard inOrder else { return nil }
            }
            let base = pathBytes.count
            pathBytes += part.pathBytes
            for end in part.pathEnds { pathEnds.append(base + end) }
            ids += part.ids
        }
    }

    /// Every entry as a path and its ID, in order.
    public var entries: [(path: RepositoryPath, id: ContentID)] { (0..<count).map { (path($0), ids[$0]) } }

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

    /// The IDs of sorted paths, found in one pass.
    public func contentIDs(_ sortedPaths: [RepositoryPath]) -> [ContentID?] {
        var hint = 0
        // A closure, not the method `contentID` by name: that made a context for every path.
        return sortedPaths.map { path in index(of: path, hint: &hint).map { ids[$0] } }
    }

    /// The position of a path named by text, by binary search.
    public func index(of path: String) -> Int? { index(of: RepositoryPath(path)) }

    /// The position of `path`, by binary search.
    public func index(of path: RepositoryPath) -> Int? {
        pathBytes.withUnsafeBytes { all in path.withBytes { SortedBytes.find($0, count: count, at: { slice(all, $0) }) } }
    }

    /// The position of `path` when paths are looked up in order: the search starts at `hint`
    /// (the position after the previous lookup) and moves it on, so a sorted sequence of
    /// lookups costs one pass over the listing instead of a binary search each. A negative
    /// hint (no lookup yet, somewhere in the middle) starts with a binary search.
    public func index(of path: RepositoryPath, hint: inout Int) -> Int? {
        path.withBytes { wanted in
            pathBytes.withUnsafeBytes { all in index(of: wanted, in: all, hint: &hint) }
        }
    }

    /// `index(of:hint:)` of a path's bytes.
    public func index(of wanted: UnsafeRawBufferPointer, hint: inout Int) -> Int? {
        pathBytes.withUnsafeBytes { all in index(of: wanted, in: all, hint: &hint) }
    }

    private func index(of wanted: UnsafeRawBufferPointer, in all: UnsafeRawBufferPointer, hint: inout Int) -> Int? {
        var i = hint
        if i < 0 || (i > 0 && SnapshotDelta.compare(slice(all, i - 1), wanted) >= 0) {
            i = SortedBytes.lowerBound(wanted, count: count, at: { slice(all, $0) })  // first, or out of order
        } else {
            var steps = 0
            while i < count, SnapshotDelta.compare(slice(all, i), wanted) < 0 {
                i += 1
                steps += 1
                if steps == 32 {  // a long gap: jump
                    let from = i
                    i += SortedBytes.lowerBound(wanted, count: count - from, at: { slice(all, from + $0) })
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

    /// Gives the entry at `i` its ID (one listed before its content was identified).
    public mutating func setContentID(_ id: ContentID, at i: Int) { ids[i] = id }

    public func path(_ i: Int) -> RepositoryPath { withPathBytes(i) { RepositoryPath(bytes: $0) } }

    public func withPathBytes<T>(_ i: Int, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        pathBytes.withUnsafeBytes { body(slice($0, i)) }
    }

    private func slice(_ all: UnsafeRawBufferPointer, _ i: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: all[(i == 0 ? 0 : pathEnds[i - 1])..<pathEnds[i]])
    }

}
