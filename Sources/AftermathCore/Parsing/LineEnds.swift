#if canImport(Glibc)
import Glibc
#endif

extension UnsafeBufferPointer where Element == UInt8 {
    /// The position of the first line feed at or after `start`, or `count` when there is none:
    /// where the line starting at `start` ends (found with `memchr`, many bytes at a time).
    func lineEnd(from start: Int) -> Int {
        guard start < count, let found = memchr(baseAddress! + start, 0x0A, count - start) else { return count }
        return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - baseAddress!
    }
}
