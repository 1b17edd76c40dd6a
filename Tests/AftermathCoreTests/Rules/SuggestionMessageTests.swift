import XCTest
@testable import AftermathCore

/// "Did you mean" wherever a near miss has one right answer.
final class SuggestionMessageTests: XCTestCase {
    func messages(_ path: String, _ old: String, _ new: String, rule: String) throws -> [String] {
        let snapshot = InMemorySnapshot(files: RuleExamples.merged(RuleExamples.edit(path, old, new)))
        let ruleset = try RulesetLoader.load(from: snapshot).get()
        return try Validator(ruleset: ruleset, today: Timestamp.parseDate(RuleExamples.today)!).validate(snapshot)
            .diagnostics.filter { $0.ruleID == rule }.map(\.message)
    }

    func testEnumValues() throws {
        let found = try messages(RuleExamples.findingPath, "category: technical-lapse", "category: process flaw", rule: RuleID.schema)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].hasSuffix("found `process flaw` (did you mean `process-flaw`?)"), found[0])
    }

    func testFieldNames() throws {
        let found = try messages(RuleExamples.remediationPath, "status: open", "status: open\nstauts: done", rule: RuleID.schema)
        XCTAssertEqual(found, ["unknown field `stauts` (did you mean `status`?)"])
    }

    func testBugReferencesInANearMissForm() throws {
        for written in ["JIRA-OPS-982", "jira:OPS-982", "JIRA OPS-982"] {
            let found = try messages(RuleExamples.findingPath, "bugs: [JIRA:OPS-12]", "bugs: ['\(written)']", rule: RuleID.unknownTracker)
            XCTAssertEqual(found.count, 1, written)
            XCTAssertTrue(found.first?.hasSuffix("(did you mean `JIRA:OPS-982`?)") ?? false, "\(written): \(found)")
        }
        let unrelated = try messages(RuleExamples.findingPath, "bugs: [JIRA:OPS-12]", "bugs: [OPS12]", rule: RuleID.unknownTracker)
        XCTAssertTrue(unrelated.first?.hasSuffix("e.g. `JIRA:SEC-123` or `github:org/repo#45`") ?? false, "\(unrelated)")
    }

    /// After a finding is deleted its items' links are best pointed at a finding of the same
    /// postmortem, even where one of another is as close.
    func testEquallyCloseIDsPreferTheSamePostmortem() {
        XCTAssertEqual(Suggestion.closest(to: "F-2026-003-01", among: ["F-2026-001-01", "F-2026-003-02"]), "F-2026-003-02")
        XCTAssertEqual(Suggestion.closest(to: "F-2026-001-03", among: ["F-2026-001-01", "F-2026-002-03"]), "F-2026-001-01")
    }
}
