import XCTest
@testable import AftermathCore

final class DocumentFramerTests: XCTestCase {
    func frame(_ text: String, limits: ParseLimits = .standard) -> Result<FramedDocument, ParseProblem> {
        DocumentFramer.frame(Array(text.utf8), limits: limits)
    }

    func problem(_ result: Result<FramedDocument, ParseProblem>) -> ParseProblem? {
        if case .failure(let p) = result { return p }
        return nil
    }

    func testSplitsFrontMatterAndBody() throws {
        let framed = try frame("---\nid: X\n---\n## Summary\nText\n").get()
        XCTAssertEqual(String(decoding: framed.frontMatter, as: UTF8.self), "id: X\n")
        XCTAssertEqual(framed.frontMatterFirstLine, 2)
        XCTAssertEqual(String(decoding: framed.body, as: UTF8.self), "## Summary\nText\n")
        XCTAssertEqual(framed.bodyFirstLine, 4)
    }

    func testAcceptsByteOrderMarkAndCRLF() throws {
        let framed = try DocumentFramer.frame([0xEF, 0xBB, 0xBF] + Array("---\r\nid: X\r\n---\r\nBody\r\n".utf8)).get()
        XCTAssertEqual(String(decoding: framed.frontMatter, as: UTF8.self), "id: X\r\n")
        XCTAssertEqual(String(decoding: framed.body, as: UTF8.self), "Body\r\n")
    }

    func testRefusesMissingAndUnterminatedFrontMatter() {
        XCTAssertEqual(problem(frame("# Title\n"))?.ruleID, RuleID.missingFrontMatter)
        XCTAssertEqual(problem(frame("---\nid: X\nbody\n"))?.ruleID, RuleID.unterminatedFrontMatter)
        XCTAssertEqual(problem(frame(""))?.ruleID, RuleID.missingFrontMatter)
    }

    func testLocatesInvalidUTF8AndNULBytes() {
        let latin1 = DocumentFramer.frame(Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\n---\n".utf8))
        XCTAssertEqual(problem(latin1)?.ruleID, RuleID.invalidEncoding)
        XCTAssertEqual(problem(latin1)?.location, SourceLocation(line: 2, column: 11))
        let overlong = DocumentFramer.frame(Array("---\n".utf8) + [0xC0, 0xAF] + Array("\n---\n".utf8))
        XCTAssertEqual(problem(overlong)?.location, SourceLocation(line: 2, column: 1))
        let surrogate = DocumentFramer.frame(Array("---\nx: ".utf8) + [0xED, 0xA0, 0x80] + Array("\n---\n".utf8))
        XCTAssertEqual(problem(surrogate)?.ruleID, RuleID.invalidEncoding)
        let nul = frame("---\nid: a\u{0}b\n---\n")
        XCTAssertEqual(problem(nul)?.ruleID, RuleID.invalidEncoding)
        XCTAssertEqual(problem(nul)?.location, SourceLocation(line: 2, column: 6))
    }

    func testMultibyteCharactersCountAsOneColumn() {
        let result = DocumentFramer.frame(Array("---\ntitle: é€😀".utf8) + [0xFF] + Array("\n---\n".utf8))
        XCTAssertEqual(problem(result)?.location, SourceLocation(line: 2, column: 11))
    }

    func testRefusesConflictMarkersAtTheirLine() {
        let text = "---\nid: X\n<<<<<<< HEAD\nowner: a\n=======\nowner: b\n>>>>>>> other\n---\n"
        XCTAssertEqual(problem(frame(text))?.ruleID, RuleID.conflictMarkers)
        XCTAssertEqual(problem(frame(text))?.location.line, 3)
        // A lone setext underline is Markdown, not a conflict.
        XCTAssertNil(problem(frame("---\nid: X\n---\nTitle\n=======\n")))
    }

    func testEnforcesSizeLimits() {
        let limits = ParseLimits(maxFileBytes: 64, maxFrontMatterBytes: 16)
        XCTAssertEqual(problem(frame("---\nid: X\n---\n" + String(repeating: "x", count: 100), limits: limits))?.ruleID, RuleID.limitExceeded)
        XCTAssertEqual(problem(frame("---\ntitle: 0123456789abcdef\n---\n", limits: limits))?.ruleID, RuleID.limitExceeded)
    }
}

final class UTF8CheckTests: XCTestCase {
    /// Checked 32 and 8 bytes at a time where the text is ASCII: a bad byte is found wherever
    /// it falls in or after such a run, and after a good multi-byte character in one.
    func testFindsTheFirstBadByteAtEveryOffset() {
        for length in 0..<80 {
            for bad in [UInt8(0), 0xFF, 0xC0, 0x80] {
                for position in 0..<max(1, length) where length > 0 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[position] = bad
                    XCTAssertEqual(bytes.withUnsafeBufferPointer(UTF8Check.firstInvalidOffset), position, "\(length) \(bad) \(position)")
                }
                for good in 0..<max(0, length - 2) {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[good] = 0xC3
                    bytes[good + 1] = 0xA9
                    XCTAssertNil(bytes.withUnsafeBufferPointer(UTF8Check.firstInvalidOffset), "\(length) \(good)")
                    bytes[length - 1] = bad
                    XCTAssertEqual(bytes.withUnsafeBufferPointer(UTF8Check.firstInvalidOffset), length - 1, "\(length) \(good) \(bad)")
                }
                let clean = Array(String(repeating: "é-ok ", count: length).utf8)
                XCTAssertNil(clean.withUnsafeBufferPointer(UTF8Check.firstInvalidOffset))
            }
        }
    }
}
