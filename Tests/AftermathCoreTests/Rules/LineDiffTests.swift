import XCTest
@testable import AftermathCore

final class LineDiffTests: XCTestCase {
    func testOnlyChangedLinesWithOneLineOfContext() {
        let old = "a\nb\nc\nd\ne\nf\ng\n"
        let new = "a\nb\nc\nD\ne\nf\ng\nh\n"
        XCTAssertEqual(LineDiff.changes(from: old, to: new), [
            nil, .same("c"), .removed("d"), .added("D"), .same("e"), nil, .same("g"), .added("h"),
        ])
    }

    func testMarksAreShownButNotCompared() {
        XCTAssertEqual(LineDiff.changes(from: "id: R-1\nstatus: open\n", to: "↓id: R-1\nstatus: done\n", context: 0),
                       [.same("↓id: R-1"), .removed("status: open"), .added("status: done")])
    }

    func testIdenticalTextsHaveNoChanges() {
        XCTAssertEqual(LineDiff.changes(from: "a\nb\n", to: "a\nb\n"), [])
    }
}
