import XCTest
import Foundation
@testable import AftermathCore

final class ReporterTests: XCTestCase {
    let sample = [
        Diagnostic(path: "postmortems/a b.md", location: SourceLocation(line: 3, column: 5), severity: .error, ruleID: RuleID.schema,
                   message: "bad \"value\"\u{1B}[31m", owner: "bob"),
        Diagnostic(path: "postmortems/c.md", location: SourceLocation(line: 1, column: 1), severity: .warning, ruleID: RuleID.overdue, message: "late"),
    ]

    func testTextLinesEscapeTerminalControls() {
        XCTAssertEqual(TextReporter.line(sample[0]), "postmortems/a b.md:3:5: error: bad \"value\"\\u{1b}[31m [AM101] (owner: bob)")
        XCTAssertEqual(TextReporter.summary(sample, files: 2), "2 documents checked: 1 error, 1 warning")
        XCTAssertEqual(TextReporter.summary([], files: 0), "no documents found under the configured roots")
    }

    func testJSONReportReadsBack() throws {
        let text = JSONReporter.report(sample, files: 2)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(object["version"] as? Int, 1)
        let diagnostics = try XCTUnwrap(object["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.first?["message"] as? String, "bad \"value\"\u{1B}[31m")
        XCTAssertEqual(diagnostics.first?["rule"] as? String, "AM101")
        XCTAssertEqual(diagnostics.last?["owner"] is NSNull, true)
    }

    func testSARIFHasTheRequiredShape() throws {
        let text = SARIFReporter.report(sample, toolVersion: "1.0")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(object["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((object["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.count, RuleCatalogue.descriptions.count)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 2)
        let first = results[0]
        XCTAssertEqual(first["level"] as? String, "error")
        let index = try XCTUnwrap(first["ruleIndex"] as? Int)
        XCTAssertEqual(rules[index]["id"] as? String, "AM101")
        let location = try XCTUnwrap((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        XCTAssertEqual((location["artifactLocation"] as? [String: Any])?["uri"] as? String, "postmortems/a%20b.md")
        XCTAssertEqual((location["region"] as? [String: Any])?["startLine"] as? Int, 3)
    }
}
