/// A fast 64-bit content fingerprint (not a security hash): eight bytes per step, then a
/// final avalanche, so equal fingerprints mean unchanged content for change detection.
public enum Fingerprint {
    public static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes(of) }

    public static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 { bytes.withUnsafeBytes(of) }

    /// The fingerprint of fingerprints (and lengths): parts hashed once, joined.
    public static func of(words: [UInt64]) -> UInt64 { words.withUnsafeBytes(of) }

    /// `of(words:)` of three words, without an array (a document's fingerprint is made so).
    public static func of(words a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 { withUnsafeBytes(of: (a, b, c)) { of($0) } }

    /// The fingerprint of bytes that arrive in pieces, equal to `of` their concatenation.
    public struct Stream {
        private var hash: UInt64
        private var pending: UInt64 = 0
        private var pendingCount = 0

        /// - Parameter count: the number of bytes that will be added, in all.
        public init(count: Int) { hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count) }

        public mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

        public mutating func add(_ raw: UnsafeRawBufferPointer) {
            var i = 0
            while pendingCount > 0 && pendingCount < 8 && i < raw.count {
                pending |= UInt64(raw[i]) << UInt64(8 * pendingCount)
                pendingCount += 1
                i += 1
            }
            if pendingCount == 8 {
                mix(pending)
                (pending, pendingCount) = (0, 0)
            }
            while i + 8 <= raw.count {
                mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                i += 8
            }
            while i < raw.count {
                pending |= UInt64(raw[i]) << UInt64(8 * pendingCount)
                pendingCount += 1
                i += 1
            }
        }

        private mutating func mix(_ word: UInt64) { Fingerprint.mix(&hash, word) }

        public var value: UInt64 {
            var hash = (self.hash ^ pending) &* 0xC4CE_B9FE_1A85_EC53
            hash ^= hash >> 29
            hash = hash &* 0xFF51_AFD7_ED55_8CCD
            return hash ^ (hash >> 32)
        }
    }

    /// One step: a word folded into a running hash (also `SummaryChecksum`'s, in each lane).
    static func mix(_ hash: inout UInt64, _ word: UInt64) {
        hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 32
    }

    public static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var stream = Stream(count: raw.count)
        stream.add(raw)
        return stream.value
    }

    /// A fingerprint (other than `of`'s) worked out in four independent lanes over 32-byte
    /// blocks, the last zero-padded, then the lanes and the length joined: four words in flight
    /// at once rather than one chain of multiplies. Every document read is fingerprinted so:
    /// 1.9% of a cold 100,000-document run's work with `of`, 0.8% with this (measured). The
    /// summary's checksum is the same value taken in pieces (`SummaryChecksum`).
    public static func lanes(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        let seed = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
        var lanes = (seed, seed &+ 1, seed &+ 2, seed &+ 3)
        var i = 0
        while i + 32 <= raw.count {
            mix(&lanes.0, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            mix(&lanes.1, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)))
            mix(&lanes.2, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)))
            mix(&lanes.3, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)))
            i += 32
        }
        var tail: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        if i < raw.count, let base = raw.baseAddress {
            withUnsafeMutableBytes(of: &tail) { $0.baseAddress!.copyMemory(from: base + i, byteCount: raw.count - i) }
        }
        mix(&lanes.0, UInt64(littleEndian: tail.0))
        mix(&lanes.1, UInt64(littleEndian: tail.1))
        mix(&lanes.2, UInt64(littleEndian: tail.2))
        mix(&lanes.3, UInt64(littleEndian: tail.3))
        let joined = (lanes.0, lanes.1, lanes.2, lanes.3, UInt64(raw.count))
        return withUnsafeBytes(of: joined) { of($0) }
    }

    /// `lanes` of bytes in an array slice.
    public static func lanes(_ bytes: ArraySlice<UInt8>) -> UInt64 { bytes.withUnsafeBytes(lanes) }
}

/// The statuses that count as finished, per kind.
