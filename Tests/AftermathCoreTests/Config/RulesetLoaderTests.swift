import XCTest
@testable import AftermathCore

final class RulesetLoaderTests: XCTestCase {
    func load(_ overlay: [String: String]) throws -> Result<Ruleset, ConfigurationError> {
        try RulesetLoader.load(from: InMemorySnapshot(files: RuleExamples.merged(overlay)))
    }

    func configurationProblems(_ overlay: [String: String]) throws -> [Diagnostic] {
        guard case .failure(let error) = try load(overlay) else { XCTFail("expected a configuration error"); return [] }
        return error.diagnostics
    }

    func testInvalidConfigurationIsReportedAtItsLine() throws {
        let problems = try configurationProblems([".aftermath.yml": "roots: [postmortems]\nrotos: [x]\npolicies:\n  notification_hours: soon\n"])
        XCTAssertEqual(problems.map(\.path), [".aftermath.yml", ".aftermath.yml"])
        XCTAssertEqual(problems.map(\.location.line), [2, 4])
    }

    func testOwnersProblemsAreCollected() throws {
        let owners = "people:\n  - {handle: alice, name: A}\n  - {handle: alice, name: B}\nteams:\n  - {handle: t, members: [alcie]}\n"
        let problems = try configurationProblems(["owners.yml": owners])
        XCTAssertEqual(problems.count, 2)
        XCTAssertTrue(problems.allSatisfy { $0.path == "owners.yml" })
        XCTAssertTrue(problems.contains { $0.message.contains("did you mean `alice`") })
    }

    func testMissingOwnersFileIsAConfigurationError() throws {
        let problems = try configurationProblems([".aftermath.yml": "owners: people.yml\n"])
        XCTAssertTrue(problems.first?.message.contains("people.yml") ?? false)
    }

    func testRepositorySchemaOverridesTheBuiltInOne() throws {
        // A team adds its own category value; documents using it then validate.
        let builtin = try XCTUnwrap(BuiltinSchemas.files["finding.schema.json"])
        let extended = builtin.replacing("\"attack-vector\"]", with: "\"attack-vector\", \"vendor-failure\"]")
        XCTAssertNotEqual(builtin, extended)
        var files = RuleExamples.merged(RuleExamples.edit(RuleExamples.findingPath, "category: technical-lapse", "category: vendor-failure"))
        let today = try XCTUnwrap(Timestamp.parseDate(RuleExamples.today))
        let before = try Validator(ruleset: try RulesetLoader.load(from: InMemorySnapshot(files: files)).get(), today: today)
            .validate(InMemorySnapshot(files: files)).diagnostics
        XCTAssertEqual(before.map(\.ruleID), [RuleID.schema])
        files["schema/finding.schema.json"] = extended
        let ruleset = try RulesetLoader.load(from: InMemorySnapshot(files: files)).get()
        XCTAssertEqual(ruleset.schemaSources[.finding], "schema/finding.schema.json")
        XCTAssertEqual(try Validator(ruleset: ruleset, today: today).validate(InMemorySnapshot(files: files)).diagnostics.map(\.ruleID), [])
    }

    func testSchemaWithUnsupportedKeywordIsAConfigurationError() throws {
        let problems = try configurationProblems(["schema/remediation.schema.json": #"{"type": "object", "unevaluatedProperties": false}"#])
        XCTAssertEqual(problems.map(\.path), ["schema/remediation.schema.json"])
        XCTAssertTrue(problems[0].message.contains("unevaluatedProperties"))
    }

    func testTrackerURLsFromNamedGroups() {
        let trackers = TrackerSet(Tracker.defaults)
        XCTAssertEqual(trackers.url(for: "JIRA:SEC-123"), "https://jira.example.org/browse/SEC-123")
        XCTAssertEqual(trackers.url(for: "github:acme/infra#45"), "https://github.com/acme/infra/issues/45")
        XCTAssertEqual(trackers.url(for: "gitlab:group/sub/project#7"), "https://gitlab.com/group/sub/project/-/issues/7")
        XCTAssertNil(trackers.tracker(for: "SEC-123"))
    }

    func testAliasesResolveToTheirPerson() throws {
        let ruleset = try load([:]).get()
        XCTAssertEqual(ruleset.owners.resolve("amoreau")?.handle, "alice")
        XCTAssertEqual(ruleset.owners.teams(of: "amoreau").map(\.handle), ["sre"])
        XCTAssertEqual(ruleset.owners.suggestion(for: "alcie"), "alice")
        XCTAssertNil(ruleset.owners.suggestion(for: "zzzzzzzz"))
    }
}
