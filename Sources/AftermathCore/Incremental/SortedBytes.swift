/// Binary search over entries sorted by bytes (paths in git's order, keys): the summary's
/// tables and listings all look things up this way, in place.
enum SortedBytes {
    /// The position of the entry whose bytes equal `wanted`, or nil.
    static func find(_ wanted: String, count: Int, at bytes: (Int) -> UnsafeRawBufferPointer) -> Int? {
        var wanted = wanted
        return wanted.withUTF8 { find(UnsafeRawBufferPointer($0), count: count, at: bytes) }
    }

    static func find(_ wanted: UnsafeRawBufferPointer, count: Int, at bytes: (Int) -> UnsafeRawBufferPointer) -> Int? {
        let low = lowerBound(wanted, count: count, at: bytes)
        return low < count && SnapshotDelta.compare(bytes(low), wanted) == 0 ? low : nil
    }

    /// The first position whose bytes do not sort before `wanted`.
    static func lowerBound(_ wanted: UnsafeRawBufferPointer, count: Int, at bytes: (Int) -> UnsafeRawBufferPointer) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if SnapshotDelta.compare(bytes(mid), wanted) < 0 { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
