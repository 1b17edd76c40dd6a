import XCTest
@testable import AftermathCore

/// A date in the right form that is not on the calendar is told so, not "expected YYYY-MM-DD".
final class DateMessageTests: XCTestCase {
    func message(due: String) throws -> String? {
        let files = RuleExamples.merged(RuleExamples.edit(RuleExamples.remediationPath, "due: 2026-03-20", "due: \(due)"))
        let snapshot = InMemorySnapshot(files: files)
        let ruleset = try RulesetLoader.load(from: snapshot).get()
        let result = try Validator(ruleset: ruleset, today: Timestamp.parseDate(RuleExamples.today)!).validate(snapshot)
        return result.diagnostics.first { $0.ruleID == RuleID.schema }?.message
    }

    func testDaysThatDoNotExist() throws {
        XCTAssertEqual(try message(due: "2027-02-30"), "`due` `2027-02-30` is not a day of the calendar (2027-02 has 28 days)")
        XCTAssertEqual(try message(due: "2028-02-30"), "`due` `2028-02-30` is not a day of the calendar (2028-02 has 29 days)")
        XCTAssertEqual(try message(due: "2027-04-31"), "`due` `2027-04-31` is not a day of the calendar (2027-04 has 30 days)")
        XCTAssertEqual(try message(due: "2027-13-01"), "`due` `2027-13-01` is not a day of the calendar (there is no month 13)")
    }

    func testWrongFormStillSaysTheFormat() throws {
        XCTAssertEqual(try message(due: "20/02/2027"), "`due` `20/02/2027` is not a valid date (expected YYYY-MM-DD)")
        XCTAssertNil(try message(due: "2028-02-29"), "a leap day exists")
    }
}
