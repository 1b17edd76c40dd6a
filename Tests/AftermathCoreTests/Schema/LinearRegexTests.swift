import XCTest
@testable import AftermathCore

final class LinearRegexTests: XCTestCase {
    func matches(_ pattern: String, _ text: String) throws -> Bool { try LinearRegex(pattern).matches(text) }

    func testECMASubset() throws {
        XCTAssertTrue(try matches("^PM-[0-9]{4}-[0-9]{3,}$", "PM-2026-007"))
        XCTAssertFalse(try matches("^PM-[0-9]{4}-[0-9]{3,}$", "PM-2026-07"))
        XCTAssertTrue(try matches("a|b", "xbx"))
        XCTAssertTrue(try matches("^(?:ab)+$", "ababab"))
        XCTAssertFalse(try matches("^(?:ab)+$", "ababa"))
        XCTAssertTrue(try matches("^\\p{Letter}+$", "héllo"))
        XCTAssertTrue(try matches("\\bword\\b", "a word here"))
        XCTAssertFalse(try matches("\\bword\\b", "swordfish"))
        XCTAssertTrue(try matches("^[^a-c]\\d\\s\\w$", "z1 _"))
        XCTAssertTrue(try matches("^JIRA:(?<key>[A-Z][A-Z0-9]+-[0-9]+)$", "JIRA:SEC-12"))
        XCTAssertTrue(try matches("^a{2,3}$", "aaa"))
        XCTAssertFalse(try matches("^a{2,3}$", "aaaa"))
    }

    /// `(a+)+$` takes exponential time in backtracking engines; here it is linear, so the
    /// test simply finishes (no timer: the input is large enough that backtracking never would).
    func testCatastrophicPatternsStayLinear() throws {
        let input = String(repeating: "a", count: 5_000) + "!"
        XCTAssertFalse(try matches("^(a+)+$", input))
        XCTAssertFalse(try matches("^(a|a)*$", input))
        XCTAssertFalse(try matches("^(a*)*b$", input))
    }

    func testRefusesWhatNeedsBacktracking() {
        XCTAssertThrowsError(try LinearRegex("(a)\\1"))
        XCTAssertThrowsError(try LinearRegex("a(?=b)"))
        XCTAssertThrowsError(try LinearRegex("(?<!a)b"))
        XCTAssertThrowsError(try LinearRegex("((a{1000}){1000}){1000}"))
        XCTAssertThrowsError(try LinearRegex("a)"))
        XCTAssertThrowsError(try LinearRegex("*a"))
    }
}
