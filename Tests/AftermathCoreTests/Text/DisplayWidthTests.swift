import XCTest
@testable import AftermathCore

/// Terminal columns of text, as terminals draw it.
final class DisplayWidthTests: XCTestCase {
    func testWidths() {
        XCTAssertEqual(DisplayWidth.of("plain"), 5)
        XCTAssertEqual(DisplayWidth.of("日本語"), 6, "CJK ideographs are wide")
        XCTAssertEqual(DisplayWidth.of("ｶﾀｶﾅ"), 4, "halfwidth katakana are narrow")
        XCTAssertEqual(DisplayWidth.of("ＡＢ"), 4, "fullwidth forms are wide")
        XCTAssertEqual(DisplayWidth.of("한국어"), 6, "Hangul syllables are wide")
        XCTAssertEqual(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}"), 2, "a syllable of conjoining jamo is one wide cell")
        XCTAssertEqual(DisplayWidth.of("Cafe\u{301}"), 4, "a combining mark takes no column")
        XCTAssertEqual(DisplayWidth.of("🔥"), 2, "emoji are wide")
        XCTAssertEqual(DisplayWidth.of("❤\u{FE0F}"), 2, "an emoji variation selector makes a symbol wide")
        XCTAssertEqual(DisplayWidth.of("❤"), 1, "text presentation stays narrow")
        XCTAssertEqual(DisplayWidth.of("👩‍👩‍👧"), 2, "a ZWJ sequence is one emoji")
        XCTAssertEqual(DisplayWidth.of("🇫🇷"), 2, "a flag is one emoji")
        XCTAssertEqual(DisplayWidth.of("a\u{200B}b"), 2, "a zero-width space takes no column")
    }

    func testCutKeepsWithinTheWidth() {
        XCTAssertEqual(DisplayWidth.cut("abcdef", to: 4), "abc…")
        XCTAssertEqual(DisplayWidth.cut("abcd", to: 4), "abcd")
        XCTAssertEqual(DisplayWidth.cut("日本語です", to: 6), "日本…", "a wide character that would straddle the edge is left out")
        XCTAssertEqual(DisplayWidth.cut("日本語です", to: 7), "日本語…")
        XCTAssertEqual(DisplayWidth.cut("Cafe\u{301} au lait", to: 5), "Cafe\u{301}…", "a combining mark stays with its letter")
        for width in 0...12 {
            XCTAssertLessThanOrEqual(DisplayWidth.of(DisplayWidth.cut("日本語 and 🔥 text", to: width)), width)
        }
    }
}
