/// SHA-1 (FIPS 180-4) of a buffer, for the checksum git writes at the end of its index file.
/// libgit2 has one but does not export it; nothing here relies on SHA-1 resisting attacks.
struct SHA1 {
    private var h0: UInt32 = 0x6745_2301, h1: UInt32 = 0xEFCD_AB89, h2: UInt32 = 0x98BA_DCFE
    private var h3: UInt32 = 0x1032_5476, h4: UInt32 = 0xC3D2_E1F0

    static func digest(_ data: UnsafeRawBufferPointer) -> [UInt8] {
        var state = SHA1()
        let whole = data.count / 64 * 64
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            var offset = 0
            while offset < whole {
                state.block(data.baseAddress! + offset, w)
                offset += 64
            }
            // The rest, a 1 bit, zeros, and the length in bits: one or two more blocks.
            var tail = Array(data[whole...]) + [0x80]
            while tail.count % 64 != 56 { tail.append(0) }
            let bits = UInt64(data.count) &* 8
            for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
            tail.withUnsafeBytes { raw in
                for start in stride(from: 0, to: raw.count, by: 64) { state.block(raw.baseAddress! + start, w) }
            }
        }
        var out: [UInt8] = []
        for word in [state.h0, state.h1, state.h2, state.h3, state.h4] {
            for shift: UInt32 in [24, 16, 8, 0] { out.append(UInt8(truncatingIfNeeded: word >> shift)) }
        }
        return out
    }

    private mutating func block(_ bytes: UnsafeRawPointer, _ w: UnsafeMutableBufferPointer<UInt32>) {
        for t in 0..<16 { w[t] = UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self)) }
        for t in 16..<80 {
            let x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16]
            w[t] = (x << 1) | (x >> 31)
        }
        var (a, b, c, d, e) = (h0, h1, h2, h3, h4)
        func round(_ f: UInt32, _ k: UInt32, _ word: UInt32) {
            let temp = ((a << 5) | (a >> 27)) &+ f &+ e &+ k &+ word
            (e, d, c, b, a) = (d, c, (b << 30) | (b >> 2), a, temp)
        }
        for t in 0..<20 { round((b & c) | (~b & d), 0x5A82_7999, w[t]) }
        for t in 20..<40 { round(b ^ c ^ d, 0x6ED9_EBA1, w[t]) }
        for t in 40..<60 { round((b & c) | (b & d) | (c & d), 0x8F1B_BCDC, w[t]) }
        for t in 60..<80 { round(b ^ c ^ d, 0xCA62_C1D6, w[t]) }
        h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e
    }
}
