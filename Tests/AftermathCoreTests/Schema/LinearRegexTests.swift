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

final class LinearRegexAgreementTests: XCTestCase {
    /// ASCII text is matched byte by byte, other text scalar by scalar: both agree with Swift's
    /// own regex engine on the schemas' patterns and a few more shapes. (Not `\b`: ECMA's word
    /// characters are ASCII, Swift's are Unicode.)
    func testAgreesWithSwiftRegexOnASCIIAndOtherText() throws {
        let patterns = ["^F-[0-9]{4}-[0-9]{3,}-[0-9]{2,}$", "^PM-[0-9]{4}-[0-9]{3,}$", "^[a-z0-9][a-z0-9-]*$",
                        "^[A-Za-z0-9][A-Za-z0-9._-]*$", "b\\d", "^(?:a|b)+$", "[^a]$",
                        // Anchored sequences: some matched in one greedy pass, some (overlapping steps) not.
                        "^a?a$", "^[a-z]*[0-9]+$", "^a{2,3}b?$", "^[^b]*b$", "^.a*$", "^\\d+-?\\d*$", "^F-9+M$",
                        "^F(?<x>[0-9]+-)M$", "^(?:a|F)-$"]
        let alphabet = Array("ab01-._FPM9 éaa")
        var random = SplitMix64(seed: 3)
        for pattern in patterns {
            let ours = try LinearRegex(pattern)
            let theirs = try Regex(pattern)
            for _ in 0..<600 {
                let text = String((0..<Int(random.next() % 12)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
                XCTAssertEqual(ours.matches(text), text.contains(theirs), "\(pattern) on \(text)")
            }
        }
    }
}

final class AnchoredSequenceTests: XCTestCase {
    func testOnlyPatternsGreedyMatchingGetsRightTakeTheFastPath() throws {
        func shape(_ pattern: String) throws -> Bool { try LinearRegex(pattern).hasAnchoredSequence }
        XCTAssertTrue(try shape("^PM-[0-9]{4}-[0-9]{3,}$"))
        XCTAssertTrue(try shape("^[a-z0-9][a-z0-9-]*$"))
        XCTAssertFalse(try shape("^a?a$"), "the optional step could take what the next one needs")
        XCTAssertFalse(try shape("^[0-9]+[0-9]$"))
        XCTAssertFalse(try shape("PM-[0-9]+"), "not anchored")
        XCTAssertFalse(try shape("^(?:ab)+$"), "a repeated group")
        XCTAssertTrue(try shape("^JIRA:(?<key>[A-Z][A-Z0-9]+-[0-9]+)$"), "a group that is not repeated")
        XCTAssertTrue(try shape("^github:(?<repo>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)#(?<number>[0-9]+)$"))
    }
}
