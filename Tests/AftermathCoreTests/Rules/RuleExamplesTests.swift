import XCTest
@testable import AftermathCore

/// Every rule's documented examples are its specification: the bad one must trigger the rule,
/// the good one must not, and the base repository they are laid over must be clean.
final class RuleExamplesTests: XCTestCase {
    func result(_ files: [String: String]) throws -> (ValidationResult, RuleContext) {
        let snapshot = InMemorySnapshot(files: files)
        let ruleset = try RuleExamples.ruleset(files).get()
        let today = try XCTUnwrap(Timestamp.parseDate(RuleExamples.today))
        return (try Validator(ruleset: ruleset, today: today, threads: 2).validate(snapshot), RuleContext(ruleset: ruleset, today: today))
    }

    func validate(_ files: [String: String]) throws -> [Diagnostic] { try result(files).0.diagnostics }

    /// What a rule reports for its example: the change from `before` for transition rules,
    /// the validation of the example otherwise.
    func found(_ rule: RuleDescription, _ example: [String: String]) throws -> [Diagnostic] {
        let (after, context) = try result(RuleExamples.merged(example))
        guard let before = rule.before else { return after.diagnostics }
        let (old, _) = try result(RuleExamples.merged(before))
        return after.diagnostics + TransitionCheck.check(before: old.index, after: after.index, in: context)
    }

    func testBaseRepositoryIsClean() throws {
        XCTAssertEqual(try validate(RuleExamples.base).map(TextReporter.line), [])
    }

    func testEveryRuleHasATriggeringExample() throws {
        for rule in RuleCatalogue.descriptions {
            XCTAssertFalse(rule.bad.isEmpty, "\(rule.id) has no bad example")
            let found = try found(rule, rule.bad)
            XCTAssertTrue(found.contains { $0.ruleID == rule.id }, "\(rule.id) \(rule.name): bad example did not trigger it; got \(found.map(TextReporter.line))")
            XCTAssertTrue(found.filter { $0.ruleID == rule.id }.allSatisfy { $0.severity == rule.severity }, "\(rule.id): wrong severity")
        }
    }

    /// The `↓` marks of a bad example are where the rule reports, each exactly once, and what
    /// it says names what the example is about.
    func testBadExamplesReportAtTheirMarksAndSayWhatTheyMention() throws {
        for rule in RuleCatalogue.descriptions {
            let reported = try found(rule, rule.bad).filter { $0.ruleID == rule.id }
            let expected = rule.expectedLocations.map { "\($0.path):\($0.location.line):\($0.location.column)" }
            XCTAssertFalse(expected.isEmpty, "\(rule.id): the bad example marks no place (↓)")
            XCTAssertEqual(reported.map { "\($0.path):\($0.location.line):\($0.location.column)" }.sorted(), expected.sorted(),
                           "\(rule.id) \(rule.name): reported somewhere other than the marks")
            XCTAssertFalse(rule.mentions.isEmpty, "\(rule.id): the example names no word its message must hold")
            for word in rule.mentions {
                XCTAssertTrue(reported.contains { $0.message.contains(word) }, "\(rule.id): no message mentions `\(word)`: \(reported.map(\.message))")
            }
        }
    }

    func testGoodExamplesDoNotTrigger() throws {
        for rule in RuleCatalogue.descriptions {
            XCTAssertFalse(rule.good.isEmpty, "\(rule.id) has no good example")
            XCTAssertTrue(rule.good.values.allSatisfy { MarkedText($0).marks.isEmpty }, "\(rule.id): marks belong in the bad example")
            let found = try found(rule, rule.good)
            XCTAssertEqual(found.filter { $0.severity == .error }.map(TextReporter.line), [], "\(rule.id) good example has errors")
            XCTAssertFalse(found.contains { $0.ruleID == rule.id }, "\(rule.id) good example triggered it")
        }
    }

    func testMarksAreTakenOutAndCountedInScalars() {
        let marked = MarkedText("a: ↓b\nzü↓rich ↓\n↓")
        XCTAssertEqual(marked.text, "a: b\nzürich \n")
        XCTAssertEqual(marked.marks, [SourceLocation(line: 1, column: 4), SourceLocation(line: 2, column: 3),
                                      SourceLocation(line: 2, column: 8), SourceLocation(line: 3, column: 1)])
    }

    func testRuleIDsAndNamesAreUnique() {
        let rules = RuleCatalogue.descriptions
        XCTAssertEqual(Set(rules.map(\.id)).count, rules.count)
        XCTAssertEqual(Set(rules.map(\.name)).count, rules.count)
        XCTAssertEqual(RuleCatalogue.find("am206")?.name, "unknown-owner")
        XCTAssertEqual(RuleCatalogue.find("overdue")?.id, RuleID.overdue)
    }

    func testPromotedWarningsBecomeErrors() throws {
        var files = RuleExamples.merged(OverdueRule.description.bad)
        files[".aftermath.yml"] = "roots: [postmortems]\npolicies:\n  errors: [overdue]\n"
        let overdue = try validate(files).filter { $0.ruleID == RuleID.overdue }
        XCTAssertEqual(overdue.map(\.severity), [.error])
    }

    func testDuplicateIDsReportBothPlaces() throws {
        let found = try validate(RuleExamples.merged(DuplicateIDRule.description.bad)).filter { $0.ruleID == RuleID.duplicateID }
        XCTAssertEqual(found.count, 2)
        XCTAssertEqual(Set(found.map(\.path)).count, 2)
    }

    func testEveryProblemIsReportedNotJustTheFirst() throws {
        var files = RuleExamples.base
        files[RuleExamples.findingPath] = RuleExamples.finding.replacing("owner: bob", with: "owner: bbo").replacing("status: open", with: "status: done")
        files[RuleExamples.remediationPath] = RuleExamples.remediation.replacing("due: 2026-03-20", with: "due: 20/03/2026")
        files["postmortems/PM-2026-001-db-outage/findings/F-2026-001-02-x.md"] = "no front matter\n"
        let found = try validate(files).filter { $0.severity == .error }
        XCTAssertEqual(Set(found.map(\.ruleID)), [RuleID.unknownOwner, RuleID.schema, RuleID.missingFrontMatter])
        XCTAssertEqual(found.count, 4)
    }
}
