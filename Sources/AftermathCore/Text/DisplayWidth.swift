/// Columns a text takes in a terminal: East Asian wide and fullwidth characters and emoji take
/// two, combining marks and other zero-width characters none, the rest one. Measured per
/// grapheme cluster, so an emoji sequence (flags, skin tones, ZWJ families) counts once.
///
/// Written here because no package for it is available to this project (the standard library
/// exposes emoji and general-category properties but not East Asian Width); the wide ranges are
/// those of Unicode's EastAsianWidth.txt (W and F) outside the emoji, which the scalar
/// properties cover.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.isASCII { return first.value >= 0x20 && first.value < 0x7F ? 1 : 0 }
        if scalars.contains(where: \.properties.isEmojiPresentation)
            || (first.properties.isEmoji && scalars.contains("\u{FE0F}")) { return 2 }
        return min(2, scalars.reduce(0) { $0 + of($1) })
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        let v = scalar.value
        if (0x1160...0x11FF).contains(v) { return 0 }  // Hangul medial vowels and final consonants join the syllable
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    /// `text` cut to at most `columns` columns, ending in `…` when cut.
    public static func cut(_ text: String, to columns: Int) -> String {
        guard of(text) > columns else { return text }
        guard columns > 0 else { return "" }
        var out = "", used = 0
        for character in text {
            let w = of(character)
            if used + w > columns - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
