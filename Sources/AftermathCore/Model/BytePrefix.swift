/// A string's first 16 bytes as two big-endian words, zero-padded. Compared as numbers, two
/// prefixes order their strings as the strings' bytes do, except when they are equal (the
/// same first 16 bytes, or a string that is the other's prefix up to NUL bytes): sorting by
/// them compares strings only on such ties.
struct BytePrefix: Comparable, Sendable {
    var high: UInt64
    var low: UInt64

    init(_ string: String) {
        var string = string
        self = string.withUTF8(Self.init)
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var words: (UInt64, UInt64) = (0, 0)
        for k in 0..<min(16, bytes.count) {
            let shift = UInt64(56 - 8 * (k % 8))
            if k < 8 { words.0 |= UInt64(bytes[k]) << shift } else { words.1 |= UInt64(bytes[k]) << shift }
        }
        (high, low) = words
    }

    static func < (a: BytePrefix, b: BytePrefix) -> Bool { (a.high, a.low) < (b.high, b.low) }
}

/// What a string's first bytes tell of where it sorts among strings in Swift's order, held
/// without the string (no reference to count as a sort moves and compares it).
struct StringSortKey: Sendable {
    private let prefix: BytePrefix
    private let count: Int
    /// Only ASCII strings sort as their bytes do; Swift orders others by their Unicode
    /// scalars after normalisation.
    private let ascii: Bool

    init(_ string: String) {
        var string = string
        (prefix, count, ascii) = string.withUTF8 { bytes in (BytePrefix(bytes), bytes.count, bytes.reduce(0, |) < 0x80) }
    }

    /// How `self`'s string compares with `other`'s (negative, zero or positive), when the keys
    /// tell; nil when the strings themselves must be compared.
    func compared(with other: StringSortKey) -> Int? {
        guard ascii, other.ascii else { return nil }
        if prefix != other.prefix { return prefix < other.prefix ? -1 : 1 }
        // Two strings of at most 16 bytes each are all in their prefixes: with the same
        // prefix, they differ only by trailing NUL bytes, and the shorter comes first.
        guard count <= 16, other.count <= 16 else { return nil }
        return count == other.count ? 0 : (count < other.count ? -1 : 1)
    }
}
