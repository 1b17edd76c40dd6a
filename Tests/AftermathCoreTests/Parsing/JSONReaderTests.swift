import XCTest
@testable import AftermathCore

/// Schema files are read with positions, so a problem is reported at its own line and column.
final class JSONReaderTests: XCTestCase {
    func read(_ text: String) -> Result<Node, ParseProblem> { JSONReader.read(Array(text.utf8)) }

    /// Columns count scalars from the line's start, whatever was asked before on the line
    /// (positions are counted on from the last one, so a long line is not counted over and over).
    func testPositionsOnLongAndMultilineText() throws {
        let items = (0..<3000).map { "\"é\($0)\"" }
        let root = try read("[" + items.joined(separator: ",") + "]").get()
        let list = try XCTUnwrap(root.arrayValue)
        var column = 2
        for (item, text) in zip(list, items) {
            XCTAssertEqual(item.location, SourceLocation(line: 1, column: column))
            column += text.unicodeScalars.count + 1
        }
        let nested = try read("{\n  \"a\": [1,\n    \"ü\", {\"b\": true}],\n\"c\": null}").get()
        XCTAssertEqual(nested["a"]?.location, SourceLocation(line: 2, column: 8))
        XCTAssertEqual(nested["a"]?.arrayValue?[1].location, SourceLocation(line: 3, column: 5))
        XCTAssertEqual(nested["a"]?.arrayValue?[2]["b"]?.location, SourceLocation(line: 3, column: 16))
        XCTAssertEqual(nested.objectEntries?.last?.keyLocation, SourceLocation(line: 4, column: 1))
        guard case .failure(let problem) = read("[\"ü\", \"ü\", tru]") else { return XCTFail("invalid JSON") }
        XCTAssertEqual(problem.location, SourceLocation(line: 1, column: 12))
    }

    /// A key twice is refused at its second occurrence, in large objects too; keys are the
    /// same when `==` says so, as before.
    func testDuplicateKeysInLargeObjects() {
        let entries = (0..<3000).map { "\"k\($0)\": \($0)" }
        guard case .failure(let problem) = read("{" + entries.joined(separator: ", ") + ", \"k17\": 1}") else { return XCTFail("duplicate") }
        XCTAssertEqual(problem.ruleID, RuleID.duplicateKey)
        XCTAssertEqual(problem.message, "duplicate key `k17`")
        guard case .failure = read("{\"caf\\u00e9\": 1, \"cafe\\u0301\": 2}") else { return XCTFail("canonically equal keys") }
        guard case .success = read("{" + entries.joined(separator: ", ") + "}") else { return XCTFail("distinct keys") }
    }
}
