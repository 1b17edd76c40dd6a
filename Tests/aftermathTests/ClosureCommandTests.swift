import XCTest
import Foundation

/// `close` and `set` on a copy of examples/: the closure gate, surgical writes, refusals.
final class ClosureCommandTests: XCTestCase {
    let today = ["--today", "2026-10-01"]
    let pm3 = "postmortems/PM-2026-003-export-bucket-exposure/postmortem.md"

    func testCloseWithOpenItemsExits3ListingEachBlockerAndWritesNothing() throws {
        let repo = try TemporaryDirectory.examples()
        let before = try repo.read(pm3)
        let result = try CLI.aftermath(["close", "PM-2026-003", "--by", "farah"] + today, in: repo.url)
        XCTAssertEqual(result.status, 3, result.stderr)
        let blockers = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        XCTAssertEqual(blockers.count, 6, result.stderr)
        XCTAssertEqual(blockers.filter { $0.contains("[AM301]") }.count, 3)
        XCTAssertEqual(blockers.filter { $0.contains("[AM302]") }.count, 3)
        XCTAssertTrue(result.stderr.contains("R-2026-003-04 is `proposed`"))
        XCTAssertTrue(result.stderr.contains("(owner: carol)"))
        XCTAssertEqual(try repo.read(pm3), before)
    }

    func testCloseSucceedsOnceEverythingIsResolved() throws {
        let repo = try TemporaryDirectory.examples()
        let edits: [[String]] = [
            ["R-2026-003-02", "status=done", "resolved_at=2026-09-30", "resolution=Config rule pages security."],
            ["R-2026-003-03", "status=done", "resolved_at=2026-09-30", "resolution=SCP denies console writes."],
            ["R-2026-003-04", "status=wont-fix", "resolution=Covered by the SCP.", "approved_by=farah"],
            ["F-2026-003-01", "status=resolved"], ["F-2026-003-02", "status=resolved"], ["F-2026-003-03", "status=resolved"],
        ]
        for edit in edits {
            let result = try CLI.aftermath(["set"] + edit + today, in: repo.url)
            XCTAssertEqual(result.status, 0, "\(edit): \(result.stderr)")
        }
        let dry = try CLI.aftermath(["close", "PM-2026-003", "--by", "farah", "--date", "2026-10-01", "--dry-run"] + today, in: repo.url)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertFalse(try repo.read(pm3).contains("status: closed"))
        let close = try CLI.aftermath(["close", "PM-2026-003", "--by", "farah", "--date", "2026-10-01"] + today, in: repo.url)
        XCTAssertEqual(close.status, 0, close.stderr)
        let text = try repo.read(pm3)
        XCTAssertTrue(text.contains("status: closed\n"))
        XCTAssertTrue(text.contains("closed_at: 2026-10-01\nclosed_by: farah\n---\n"))
        XCTAssertEqual(try CLI.aftermath(["validate"] + today, in: repo.url).status, 0)
        XCTAssertEqual(try CLI.aftermath(["close", "PM-2026-003"] + today, in: repo.url).status, 0, "already closed is not an error")
    }

    func testHandEditedClosureFailsValidationWithTheSameBlockers() throws {
        let repo = try TemporaryDirectory.examples()
        let refused = try CLI.aftermath(["close", "PM-2026-003", "--by", "farah", "--date", "2026-10-01"] + today, in: repo.url)
        let text = try repo.read(pm3).replacingOccurrences(of: "status: published", with: "status: closed\nclosed_at: 2026-10-01\nclosed_by: farah")
        try repo.write(pm3, text)
        let result = try CLI.aftermath(["validate"] + today, in: repo.url)
        XCTAssertEqual(result.status, 1)
        let fromValidate = Set(result.stderr.split(separator: "\n").filter { $0.contains(": error: ") })
        let fromClose = Set(refused.stderr.split(separator: "\n").filter { $0.contains(": error: ") })
        XCTAssertEqual(fromValidate, fromClose)
    }

    func testResolvedFindingWithOpenItemsIsAnError() throws {
        let repo = try TemporaryDirectory.examples()
        let path = "postmortems/PM-2026-003-export-bucket-exposure/findings/F-2026-003-01-public-read-acl.md"
        try repo.write(path, try repo.read(path).replacingOccurrences(of: "status: open", with: "status: resolved"))
        let result = try CLI.aftermath(["validate"] + today, in: repo.url)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("finding F-2026-003-01 is resolved but its remediation item R-2026-003-02 is `in-progress` [AM305]"), result.stderr)
    }

    func testSetRefusesAnInvalidResultAndLeavesTheFileUntouched() throws {
        let repo = try TemporaryDirectory.examples()
        let path = "postmortems/PM-2026-003-export-bucket-exposure/remediations/R-2026-003-03-remove-console-write.md"
        let before = try repo.read(path)
        for assignment in [["status=done"], ["owner=bbo"], ["due=next week"], ["status=finished"]] {
            let result = try CLI.aftermath(["set", "R-2026-003-03"] + assignment + today, in: repo.url)
            XCTAssertEqual(result.status, 1, "\(assignment)")
            XCTAssertEqual(try repo.read(path), before)
        }
        let closing = try CLI.aftermath(["set", "PM-2026-003", "status=closed"], in: repo.url)
        XCTAssertEqual(closing.status, 64)
        XCTAssertTrue(closing.stderr.contains("aftermath close"))
        let unknown = try CLI.aftermath(["set", "R-2026-003-3", "status=open"], in: repo.url)
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("did you mean `R-2026-003-03`"), unknown.stderr)
    }

    func testSetRewritesOnlyTheChangedLines() throws {
        let repo = try TemporaryDirectory.examples()
        let path = "postmortems/PM-2026-003-export-bucket-exposure/remediations/R-2026-003-03-remove-console-write.md"
        let before = try repo.read(path)
        let result = try CLI.aftermath(["set", "R-2026-003-03", "owner=dmitri", "due=2026-09-28"] + today, in: repo.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        let after = try repo.read(path)
        XCTAssertEqual(after, before.replacingOccurrences(of: "owner: bob", with: "owner: dmitri").replacingOccurrences(of: "due: 2026-09-25", with: "due: 2026-09-28"))
    }
}
