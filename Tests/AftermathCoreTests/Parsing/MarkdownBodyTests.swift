import XCTest
@testable import AftermathCore

final class MarkdownBodyTests: XCTestCase {
    func testSectionsSkipFencedCode() {
        let body = MarkdownBody("## Summary\ntext\n```\n## Not a heading\n```\n## Root cause ##\n", firstLine: 10)
        XCTAssertEqual(body.sections.map(\.title), ["Summary", "Root cause"])
        XCTAssertEqual(body.sections.map(\.line), [10, 15])
    }

    func testTimelineEntriesParseBothForms() {
        let body = MarkdownBody("## Timeline\n- 2026-03-01 10:05 Alert\n* **2026-03-01T10:10:00Z** Declared\n1. `2026-03-01 11:00` Contained\n- Later: fixed\n  continuation line\n", firstLine: 5)
        XCTAssertEqual(body.timeline.count, 4)
        XCTAssertEqual(body.timeline.compactMap(\.timestamp).count, 3)
        XCTAssertEqual(body.timeline[0].location, SourceLocation(line: 6, column: 3))
        XCTAssertNil(body.timeline[3].timestamp)
        XCTAssertEqual(body.timeline.map(\.event), ["Alert", "Declared", "Contained", "Later: fixed"])
        XCTAssertEqual(body.timeline[3].location.line, 9)
    }
}
