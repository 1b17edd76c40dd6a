import XCTest

/// What editing commands record stays consistent: a reopening leaves no closing record behind,
/// a closing date is neither to come nor before a fix it closes over, and a new item due in
/// the past is pointed out.
final class EditRecordTests: XCTestCase {
    let pm = "postmortems/PM-2026-001-checkout-db-disk-full/postmortem.md"

    func testReopeningRemovesTheClosingRecordAndClosingDatesAreChecked() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        let reopen = try CLI.aftermath(["set", "PM-2026-001", "status=published", "reopened_reason=Disk filled again on 2026-04-02"], in: repo.url)
        XCTAssertEqual(reopen.status, 0, reopen.stderr)
        let reopened = try repo.read(pm)
        XCTAssertTrue(reopened.contains("status: published\n"), reopened)
        XCTAssertFalse(reopened.contains("closed_at:"), reopened)
        XCTAssertFalse(reopened.contains("closed_by:"), reopened)
        XCTAssertEqual(try CLI.aftermath(["validate", "--today", "2026-10-01"], in: repo.url).status, 0)

        let future = try CLI.aftermath(["close", "PM-2026-001", "--by", "carol", "--date", "2026-10-02", "--today", "2026-10-01"], in: repo.url)
        XCTAssertEqual(future.status, 64, future.stderr)
        XCTAssertTrue(future.stderr.contains("--date 2026-10-02 is after today (2026-10-01)"), future.stderr)
        let early = try CLI.aftermath(["close", "PM-2026-001", "--by", "carol", "--date", "2026-03-01", "--today", "2026-10-01"], in: repo.url)
        XCTAssertEqual(early.status, 64, early.stderr)
        XCTAssertTrue(early.stderr.contains("--date 2026-03-01 is before R-2026-001-02 was resolved (2026-03-04)"), early.stderr)
        XCTAssertEqual(try repo.read(pm), reopened, "a refused close writes nothing")
    }

    func testANewItemDueInThePastIsPointedOut() throws {
        let repo = try TemporaryDirectory.examples()
        let result = try CLI.aftermath(["new", "remediation", "--finding", "F-2026-004-01", "--title", "Page support on provider incidents",
                                        "--owner", "erin", "--due", "2026-09-01", "--today", "2026-10-01"], in: repo.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("warning: --due 2026-09-01 is in the past (today is 2026-10-01)"), result.stderr)
        let onTime = try CLI.aftermath(["new", "remediation", "--finding", "F-2026-004-01", "--title", "Drill the provider runbook",
                                        "--owner", "erin", "--due", "2026-10-20", "--today", "2026-10-01"], in: repo.url)
        XCTAssertEqual(onTime.status, 0, onTime.stderr)
        XCTAssertFalse(onTime.stderr.contains("warning"), onTime.stderr)
    }
}
