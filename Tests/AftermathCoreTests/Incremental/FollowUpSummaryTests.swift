import XCTest
@testable import AftermathCore

/// The follow-up rule (AM406) depends on the date: a summary keeps its input, and a run on
/// another day judges it again, exactly as a full run does.
final class FollowUpSummaryTests: XCTestCase {
    func testAPromisedUpdateIsJudgedAgainOnAnotherDay() throws {
        var base = try IncrementalValidatorTests.exampleFiles()
        let path = "postmortems/PM-2026-003-export-bucket-exposure/postmortem.md"
        let promise = "      mitigation: No further action is needed beyond the caution in our first notice.\n"
        XCTAssertTrue(try XCTUnwrap(base[path]).contains(promise))
        base[path] = base[path]?.replacingOccurrences(of: promise, with: promise + "      next_steps: We are auditing manual changes.\n      next_update_by: 2026-09-25\n")
        // Made on 2026-10-01, when the update is overdue: what the summary keeps must not be that day's verdict.
        let (summary, ruleset) = try IncrementalValidatorTests.summarise(base)
        var found: [Int] = []
        for day in ["2026-09-20", "2026-10-01", "2026-10-20"] {
            let today = try XCTUnwrap(Timestamp.parseDate(day))
            let later = IncrementalValidator(summary: summary, ruleset: ruleset, today: today, read: IncrementalValidatorTests.reader(base))
            let full = try Validator(ruleset: ruleset, today: today).validate(InMemorySnapshot(files: base)).allDiagnostics
            XCTAssertEqual(try later.validate([SnapshotDelta()])?.first?.diagnostics, full, day)
            found.append(full.filter { $0.ruleID == RuleID.followUpOverdue }.count)
        }
        XCTAssertEqual(found, [0, 1, 1], "the promise falls after the first day")
    }
}
