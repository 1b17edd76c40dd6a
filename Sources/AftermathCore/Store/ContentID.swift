/// A file's content ID: git's 20-byte blob ID. Equal IDs mean equal bytes, so whatever was
/// derived from one version of a file holds for every file with the same ID.
public struct ContentID: Hashable, Sendable, CustomStringConvertible {
    public static let byteCount = 20
    // Three words instead of an array: no allocation per ID, cheap comparison.
    private var a: UInt64, b: UInt64, c: UInt32

    public init(_ bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count >= Self.byteCount)
        a = bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        b = bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        c = bytes.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
    }

    /// Git's null object ID (all zeros), which no content has: an ID not worked out yet.
    public static let null = [UInt8](repeating: 0, count: byteCount).withUnsafeBytes { ContentID($0) }

    /// Forty hexadecimal digits, as git prints them; nil for anything else.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 2 * Self.byteCount else { return nil }
        var raw = [UInt8](repeating: 0, count: Self.byteCount)
        for i in 0..<Self.byteCount {
            guard let high = Self.nibble(digits[2 * i]), let low = Self.nibble(digits[2 * i + 1]) else { return nil }
            raw[i] = high << 4 | low
        }
        self = raw.withUnsafeBytes { ContentID($0) }
    }

    public var bytes: [UInt8] {
        var raw = [UInt8](repeating: 0, count: Self.byteCount)
        raw.withUnsafeMutableBytes { out in
            out.storeBytes(of: a, toByteOffset: 0, as: UInt64.self)
            out.storeBytes(of: b, toByteOffset: 8, as: UInt64.self)
            out.storeBytes(of: c, toByteOffset: 16, as: UInt32.self)
        }
        return raw
    }

    /// Appends the 20 bytes without an intermediate array.
    public func append(to buffer: inout [UInt8]) {
        withUnsafeBytes(of: a) { buffer.append(contentsOf: $0) }
        withUnsafeBytes(of: b) { buffer.append(contentsOf: $0) }
        withUnsafeBytes(of: c) { buffer.append(contentsOf: $0) }
    }

    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] }, as: UTF8.self)
    }

    public var description: String { hex }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
