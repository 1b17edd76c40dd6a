import XCTest
@testable import AftermathCore

final class DocumentFingerprintTests: XCTestCase {
    /// A document's fingerprint joins three words without an array: the same value as the
    /// array form, so nothing derived from fingerprints changes.
    func testThreeWordsAsAnArray() {
        var random = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let (a, b, c) = (random.next(), random.next(), random.next())
            XCTAssertEqual(Fingerprint.of(words: a, b, c), Fingerprint.of(words: [a, b, c]))
        }
        XCTAssertNotEqual(Fingerprint.of(words: 1, 2, 3), Fingerprint.of(words: 3, 2, 1))
    }

    /// Any changed byte, in the front matter or the body, changes a document's fingerprint.
    func testEveryByteCounts() throws {
        let text = "---\nid: F-2026-001-01\ntitle: A title\n---\n\n## Summary\n\nBody text.\n"
        let ruleset = try IncrementalValidatorTests.ruleset(try IncrementalValidatorTests.exampleFiles())
        func fingerprint(_ bytes: [UInt8]) throws -> UInt64 {
            try XCTUnwrap(DocumentParser.parse(path: "x.md", bytes: bytes, ruleset: ruleset).document).fingerprint
        }
        let original = try fingerprint(Array(text.utf8))
        XCTAssertEqual(try fingerprint(Array(text.utf8)), original)
        for i in [15, 31, 50, text.utf8.count - 2] {
            var changed = Array(text.utf8)
            changed[i] = changed[i] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
            XCTAssertNotEqual(try fingerprint(changed), original, "byte \(i)")
        }
    }
}
