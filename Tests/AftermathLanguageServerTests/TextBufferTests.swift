import XCTest
import AftermathCore
@testable import AftermathLanguageServer

/// Positions in the negotiated encoding, against the core's line and column.
final class TextBufferTests: XCTestCase {
    func testTheSpecificationsSurrogatePairExample() {
        // textDocuments: in `a𐐀b`, `b` is at UTF-16 offset 3 (𐐀 takes two code units).
        let buffer = TextBuffer("a𐐀b")
        XCTAssertEqual(buffer.offset(of: Position(line: 0, character: 3), encoding: .utf16), 5)
        XCTAssertEqual(buffer.position(ofOffset: 5, encoding: .utf16), Position(line: 0, character: 3))
        XCTAssertEqual(buffer.position(ofOffset: 5, encoding: .utf8), Position(line: 0, character: 5))
        XCTAssertEqual(buffer.position(ofOffset: 5, encoding: .utf32), Position(line: 0, character: 2))
        // Inside the pair: taken as the character's start.
        XCTAssertEqual(buffer.offset(of: Position(line: 0, character: 2), encoding: .utf16), 1)
    }

    func testCombiningCharactersCountOnePerScalar() {
        let buffer = TextBuffer("e\u{301}x")
        XCTAssertEqual(buffer.position(of: SourceLocation(line: 1, column: 3), encoding: .utf16), Position(line: 0, character: 2))
        XCTAssertEqual(buffer.position(of: SourceLocation(line: 1, column: 3), encoding: .utf8), Position(line: 0, character: 3))
    }

    func testPositionsPastTheEndAreTheEnd() {
        let buffer = TextBuffer("ab\r\ncd")
        XCTAssertEqual(buffer.offset(of: Position(line: 0, character: 99), encoding: .utf16), 2, "before the CRLF")
        XCTAssertEqual(buffer.offset(of: Position(line: 9, character: 0), encoding: .utf16), 6)
        XCTAssertEqual(buffer.offset(of: SourceLocation(line: 1, column: 50)), 2)
    }

    func testIncrementalChangesReplaceTheirRange() {
        var buffer = TextBuffer("owner: bob\nstatus: open\n")
        buffer.apply(TextDocumentContentChangeEvent(range: TextRange(start: Position(line: 1, character: 8), end: Position(line: 1, character: 12)), text: "done"),
                     encoding: .utf16)
        XCTAssertEqual(buffer.text, "owner: bob\nstatus: done\n")
        buffer.apply(TextDocumentContentChangeEvent(range: nil, text: "x"), encoding: .utf16)
        XCTAssertEqual(buffer.text, "x")
    }

    func testDiagnosticRangesEndAtTheValueOrTheFlowItem() {
        let buffer = TextBuffer("bugs: [JIRA:X-1, nope]  \nowner: dmitr  \n")
        func range(_ line: Int, _ column: Int) -> TextRange { Diagnostics.range(of: SourceLocation(line: line, column: column), in: buffer, encoding: .utf16) }
        XCTAssertEqual(range(1, 18), TextRange(start: Position(line: 0, character: 17), end: Position(line: 0, character: 21)))
        XCTAssertEqual(range(2, 1), TextRange(start: Position(line: 1, character: 0), end: Position(line: 1, character: 12)))
    }

    func testTrackerPrefixesAreThePatternsLiteralStart() {
        XCTAssertEqual(TrackerPrefix.literal(of: "^JIRA:(?<key>[A-Z]+-[0-9]+)$"), "JIRA:")
        XCTAssertEqual(TrackerPrefix.literal(of: "^github:(?<repo>[a-z/]+)#(?<n>[0-9]+)$"), "github:")
        XCTAssertNil(TrackerPrefix.literal(of: "[A-Z]+"))
    }

    func testDidYouMeanTakesTheNameWrittenAndTheSuggestion() {
        let found = CodeActions.suggestion(in: "`owner` names `dmitr`, who is not in the owners registry (did you mean `dmitri`?)")
        XCTAssertEqual(found?.candidates, ["dmitr", "owner"])
        XCTAssertEqual(found?.meant, "dmitri")
    }
}
