import XCTest
@testable import AftermathCore

final class DueDatePolicyTests: XCTestCase {
    func policyWarnings(_ changes: [(String, String)]) throws -> [String] {
        let files = RuleExamples.merged(RuleExamples.edit(RuleExamples.remediationPath, changes))
        let snapshot = InMemorySnapshot(files: files)
        let ruleset = try RulesetLoader.load(from: snapshot).get()
        return try Validator(ruleset: ruleset, today: Timestamp.parseDate(RuleExamples.today)!).validate(snapshot)
            .diagnostics.filter { $0.ruleID == RuleID.dueBeyondPolicy }.map(\.message)
    }

    func testOnlyItemsStillToBeDoneAreHeldToThePolicy() throws {
        let late = ("due: 2026-03-20", "due: 2026-06-20")
        XCTAssertEqual(try policyWarnings([late]).count, 1)
        XCTAssertEqual(try policyWarnings([late, ("status: open", "status: in-progress")]).count, 1)
        XCTAssertEqual(try policyWarnings([late, ("status: open", "status: done\nresolved_at: 2026-03-09\nresolution: Done.")]), [])
        XCTAssertEqual(try policyWarnings([late, ("status: open", "status: wont-fix\nresolution: Replaced.\napproved_by: carol")]), [])
    }
}
