/// A repository-relative file path as git knows it: a byte string. Two paths are the same file
/// only when their bytes are equal, and they sort by their bytes, as git compares and sorts
/// them. Swift's `String` is not that: it compares by Unicode canonical equivalence (a name in
/// composed and one in decomposed form are equal) and decoding bytes that are not UTF-8
/// replaces them, so two files git keeps apart would be one. Paths become text only to be shown
/// (`text`, `description`).
public struct RepositoryPath: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// A name that is valid UTF-8 is held as a `String`, which keeps its bytes exactly (a native
    /// string stores UTF-8 as given, unnormalised) and costs nothing to make from one; only a
    /// name that is not keeps an array of its own.
    private enum Storage: Sendable {
        case text(String)
        case bytes([UInt8])
    }

    private let storage: Storage

    public init(_ text: String) { storage = .text(text) }

    public init(stringLiteral value: String) { storage = .text(value) }

    /// The path of these bytes, whatever they are.
    public init(bytes: UnsafeRawBufferPointer) {
        let buffer = bytes.assumingMemoryBound(to: UInt8.self)
        if let text = String(validating: buffer, as: UTF8.self) {
            storage = .text(text)
        } else {
            storage = .bytes(Array(buffer))
        }
    }

    public init(bytes: some Collection<UInt8>) {
        if let text = String(validating: bytes, as: UTF8.self) {
            storage = .text(text)
        } else {
            storage = .bytes(Array(bytes))
        }
    }

    /// The path's bytes, read in place.
    public func withBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        switch storage {
        case .text(let text):
            if let result = try text.utf8.withContiguousStorageIfAvailable({ try body(UnsafeRawBufferPointer($0)) }) { return result }
            var copy = text
            return try copy.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
        case .bytes(let bytes):
            return try bytes.withUnsafeBytes(body)
        }
    }

    /// `withBytes`, typed as bytes.
    public func withByteBuffer<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try withBytes { try body($0.assumingMemoryBound(to: UInt8.self)) }
    }

    public var bytes: [UInt8] { withBytes { Array($0) } }

    /// The path as a NUL-terminated C string, for system and libgit2 calls (no path holds NUL).
    public func withCString<T>(_ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
        switch storage {
        case .text(let text): return try text.withCString(body)
        case .bytes(let bytes): return try (bytes + [0]).withUnsafeBufferPointer { try $0.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) } }
        }
    }

    public var byteCount: Int {
        switch storage {
        case .text(let text): return text.utf8.count
        case .bytes(let bytes): return bytes.count
        }
    }

    public var isEmpty: Bool { byteCount == 0 }

    /// Whether the name is UTF-8 text (a document's name must be: AM001 otherwise).
    public var isValidUTF8: Bool {
        if case .text = storage { return true }
        return false
    }

    /// The path as text, for output and for matching against configured names: a byte that
    /// is not part of UTF-8 shows as `\xFF`, so two names that differ there still differ.
    public var text: String {
        switch storage {
        case .text(let text): return text
        case .bytes(let bytes): return Self.shown(bytes)
        }
    }

    /// The path as it may be printed: `text` with control characters escaped (`TerminalSafe`).
    public var description: String { TerminalSafe.escape(text) }

    private static func shown(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            // The longest valid sequence starting here (1 to 4 bytes), else one escaped byte.
            var taken = false
            for length in (1...min(4, bytes.count - i)).reversed() {
                if let piece = String(validating: bytes[i..<i + length], as: UTF8.self) {
                    out += piece
                    i += length
                    taken = true
                    break
                }
            }
            if !taken {
                let digits = String(bytes[i], radix: 16, uppercase: true)
                out += "\\x" + (digits.count == 1 ? "0" + digits : digits)
                i += 1
            }
        }
        return out
    }

    public static func == (a: RepositoryPath, b: RepositoryPath) -> Bool {
        // Byte equality; `==` on String would be canonical equivalence.
        a.withBytes { x in b.withBytes { y in x.count == y.count && compare(x, y) == 0 } }
    }

    public func hash(into hasher: inout Hasher) { withBytes { hasher.combine(bytes: $0) } }

    /// Byte order, as git sorts paths.
    public static func < (a: RepositoryPath, b: RepositoryPath) -> Bool {
        a.withBytes { x in b.withBytes { y in compare(x, y) < 0 } }
    }

    /// Byte order of two paths' bytes: negative, zero or positive.
    public static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let n = min(a.count, b.count)
        if n > 0, let pa = a.baseAddress, let pb = b.baseAddress {
            let c = memcmp(pa, pb, n)
            if c != 0 { return Int(c) }
        }
        return a.count - b.count
    }

    /// Whether the path starts with these bytes (a folder's, with its "/").
    public func hasPrefix(_ prefix: String) -> Bool {
        guard !prefix.isEmpty else { return true }
        let wanted = prefix.utf8
        return withBytes { $0.count >= wanted.count && $0.prefix(wanted.count).elementsEqual(wanted) }
    }

    /// Whether the path ends with these bytes (`.md`).
    public func hasSuffix(_ suffix: String) -> Bool {
        let wanted = suffix.utf8
        return withBytes { $0.count >= wanted.count && $0.suffix(wanted.count).elementsEqual(wanted) }
    }

    /// The path without its first `count` bytes (a folder prefix already checked).
    public func droppingPrefix(byteCount count: Int) -> RepositoryPath {
        if case .text(let text) = storage, let rest = String(text.utf8.dropFirst(count)) { return RepositoryPath(rest) }
        return withBytes { RepositoryPath(bytes: UnsafeRawBufferPointer(rebasing: $0.dropFirst(count))) }
    }

    /// `folder` (a prefix ending in "/", or "") and this path joined.
    public func prefixed(by folder: String) -> RepositoryPath {
        guard !folder.isEmpty else { return self }
        if case .text(let text) = storage { return RepositoryPath(folder + text) }
        return RepositoryPath(bytes: Array(folder.utf8) + bytes)
    }

    /// The last component's bytes (the file name), handed to `body` in place.
    public func withFileNameBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try withBytes { all in
            let start = all.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
            return try body(UnsafeRawBufferPointer(rebasing: all[start...]))
        }
    }

    /// The path's folder ("" at the top), as a path.
    public var folder: RepositoryPath {
        withBytes { all in
            guard let slash = all.lastIndex(of: UInt8(ascii: "/")) else { return "" }
            return RepositoryPath(bytes: UnsafeRawBufferPointer(rebasing: all[..<slash]))
        }
    }
}

extension RepositoryPath: Codable {
    /// Encoded as its text (JSON and SARIF outputs name files so).
    public init(from decoder: Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
