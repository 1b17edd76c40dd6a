/// The summary's checksum (not a security hash): `Fingerprint.lanes` of its bytes, which may be
/// added in pieces (the value is that of their concatenation). One lane would chain every word
/// of a large summary through a multiply, a visible part of a pre-commit hook; four lanes let
/// the processor work on four words at once.
struct SummaryChecksum {
    private var lanes: (UInt64, UInt64, UInt64, UInt64)
    /// Bytes of an unfinished block, at most 31.
    private var pending: [UInt8] = []
    private let count: Int

    /// - Parameter count: the number of bytes that will be added, in all.
    init(count: Int) {
        self.count = count
        let seed = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        lanes = (seed, seed &+ 1, seed &+ 2, seed &+ 3)
        pending.reserveCapacity(32)
    }

    /// The checksum of bytes all at hand (`Fingerprint.lanes`).
    static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 { Fingerprint.lanes(raw) }

    mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

    mutating func add(_ raw: UnsafeRawBufferPointer) {
        var i = 0
        if !pending.isEmpty {
            let taken = min(32 - pending.count, raw.count)
            pending += raw[0..<taken]
            i = taken
            guard pending.count == 32 else { return }
            pending.withUnsafeBytes { mixBlock($0, at: 0) }
            pending.removeAll(keepingCapacity: true)
        }
        while i + 32 <= raw.count {
            mixBlock(raw, at: i)
            i += 32
        }
        pending += raw[i...]
    }

    var value: UInt64 {
        // The unfinished block, zero-padded (the byte count in the seed tells paddings apart).
        var tail: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &tail) { block in pending.withUnsafeBytes { block.copyMemory(from: $0) } }
        var lanes = self.lanes
        Fingerprint.mix(&lanes.0, UInt64(littleEndian: tail.0))
        Fingerprint.mix(&lanes.1, UInt64(littleEndian: tail.1))
        Fingerprint.mix(&lanes.2, UInt64(littleEndian: tail.2))
        Fingerprint.mix(&lanes.3, UInt64(littleEndian: tail.3))
        return Fingerprint.of(words: [lanes.0, lanes.1, lanes.2, lanes.3, UInt64(count)])
    }

    private mutating func mixBlock(_ raw: UnsafeRawBufferPointer, at offset: Int) {
        Fingerprint.mix(&lanes.0, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
        Fingerprint.mix(&lanes.1, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
        Fingerprint.mix(&lanes.2, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)))
        Fingerprint.mix(&lanes.3, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)))
    }
}
