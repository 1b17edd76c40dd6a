/// Line and column of a byte offset in UTF-8 text, columns counted in Unicode scalars.
enum TextPosition {
    static func location(ofByte offset: Int, in bytes: some Collection<UInt8>, firstLine: Int = 1) -> SourceLocation {
        var line = firstLine
        var column = 1
        var index = 0
        for byte in bytes {
            if index >= offset { break }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Continuation bytes do not start a new scalar.
                column += 1
            }
            index += 1
        }
        return SourceLocation(line: line, column: column)
    }
}

/// Validates UTF-8 and returns the offset of the first byte that is not part of a
/// well-formed sequence (overlongs, surrogates and values above U+10FFFF are rejected).
enum UTF8Check {
    /// Also reports a NUL byte, which no text document holds.
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        let high: UInt64 = 0x8080_8080_8080_8080
        // Whether a word has a byte with the high bit set or a zero byte (exact for "any").
        func notPlainASCII(_ word: UInt64) -> UInt64 { (word | (word &- 0x0101_0101_0101_0101) & ~word) & high }
        while i < n {
            // ASCII bytes (none with the high bit, none zero) 32 then 8 at a time: most text is.
            if i + 32 <= n {
                let found = notPlainASCII(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    | notPlainASCII(raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
                    | notPlainASCII(raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
                    | notPlainASCII(raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
                if found == 0 {
                    i += 32
                    continue
                }
            }
            if i + 8 <= n, notPlainASCII(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) == 0 {
                i += 8
                continue
            }
            let b0 = bytes[i]
            if b0 < 0x80 {
                if b0 == 0 { return i }
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let b1 = bytes[i + 1]
            guard b1 >= lower && b1 <= upper else { return i }
            for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
