import XCTest
import Foundation

final class ValidateCommandTests: XCTestCase {
    let today = ["--today", "2026-10-01"]

    /// Where commands run: a copy of examples/ at `examples/` (`-C examples`), so that no
    /// cache is written into the project's own `.git`.
    private var workspace: TemporaryDirectory!
    override func setUpWithError() throws { workspace = try TemporaryDirectory.holdingExamples() }
    override func tearDown() { workspace = nil }

    func testExamplesValidateClean() throws {
        let result = try CLI.aftermath(["-C", "examples", "validate"] + today, in: workspace.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("22 documents checked: 0 errors, 3 warnings"), result.stderr)
        XCTAssertTrue(result.stderr.contains("R-2026-003-03 is overdue"))
    }

    /// Each file of examples/broken/ yields exactly its documented error, and exit 1.
    func testBrokenExamplesYieldTheirDocumentedDiagnostic() throws {
        let expected = try String(contentsOf: CLI.packageRoot.appendingPathComponent("examples/broken/expected.txt"), encoding: .utf8)
        var checked = 0
        for line in expected.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            XCTAssertEqual(fields.count, 4, "malformed expected.txt line: \(line)")
            guard fields.count == 4 else { continue }
            let repo = try TemporaryDirectory.examples()
            let broken = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("examples/broken/\(fields[0])"))
            try repo.write(fields[1], broken)
            let result = try CLI.aftermath(["validate", "--format", "json"] + today, in: repo.url)
            XCTAssertEqual(result.status, 1, "\(fields[0]): \(result.stderr)")
            let errors = try jsonDiagnostics(result).filter { $0["severity"] as? String == "error" }
            let position = fields[2].split(separator: ":").compactMap { Int($0) }
            XCTAssertEqual(errors.count, 1, "\(fields[0]): \(errors)")
            XCTAssertEqual(errors.first?["path"] as? String, fields[1])
            XCTAssertEqual(errors.first?["rule"] as? String, fields[3], "\(fields[0])")
            XCTAssertEqual(errors.first?["line"] as? Int, position.first, "\(fields[0])")
            XCTAssertEqual(errors.first?["column"] as? Int, position.last, "\(fields[0])")
            checked += 1
        }
        XCTAssertEqual(checked, 11)
    }

    func testSARIFOutputIsValidSARIF() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.write("postmortems/PM-2026-004-password-reset-delay/findings/F-2026-004-03-x.md",
                       Data(contentsOf: CLI.packageRoot.appendingPathComponent("examples/broken/unknown-owner.md")))
        let result = try CLI.aftermath(["validate", "--format", "sarif"] + today, in: repo.url)
        XCTAssertEqual(result.status, 1)
        let sarif = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(sarif["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((sarif["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.filter { $0["level"] as? String == "error" }.map { $0["ruleId"] as? String }, ["AM206"])
        XCTAssertEqual(results.count, 5, "1 error and 4 warnings (3 overdue, 1 finding without remediation)")
    }

    func testAllProblemsOfAllFilesInOneRun() throws {
        let repo = try TemporaryDirectory.examples()
        for name in ["bad-status.md", "duplicate-key.md", "alias-bomb.md"] {
            let data = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("examples/broken/\(name)"))
            let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "F-2026-004-03", with: "F-2026-004-0\(name.count % 7 + 3)")
            try repo.write("postmortems/PM-2026-004-password-reset-delay/findings/\(name)", text)
        }
        let result = try CLI.aftermath(["validate"] + today, in: repo.url)
        XCTAssertEqual(result.status, 1)
        for rule in ["[AM101]", "[AM006]", "[AM005]"] { XCTAssertTrue(result.stderr.contains(rule), rule) }
    }

    func testPathsLimitWhatIsReported() throws {
        let repo = try TemporaryDirectory.examples()
        let result = try CLI.aftermath(["validate", "postmortems/PM-2026-004-password-reset-delay"] + today, in: repo.url)
        XCTAssertEqual(result.status, 0)
        XCTAssertFalse(result.stderr.contains("overdue"), "overdue items are in PM-2026-003, outside the path")
    }

    func testStrictFailsOnWarnings() throws {
        let result = try CLI.aftermath(["-C", "examples", "validate", "--strict"] + today, in: workspace.url)
        XCTAssertEqual(result.status, 1)
    }

    func testConfigurationErrorExits2WithItsLocation() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.write(".aftermath.yml", "roots: [postmortems]\nowners: owners.yml\npolicies:\n  notification_hours: soon\n")
        let result = try CLI.aftermath(["validate"], in: repo.url)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains(".aftermath.yml:4:3: error:"), result.stderr)
    }

    func testEmptyFolderSaysSoAndSucceeds() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.aftermath(["validate"], in: dir.url)
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("no documents found"), result.stderr)
    }

    func testRunsFromASubfolderOfTheRepository() throws {
        let repo = try TemporaryDirectory.examples()
        let result = try CLI.aftermath(["validate"] + today, in: repo.path("postmortems/PM-2026-001-checkout-db-disk-full"))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("22 documents"))
    }

    func testHostileFileNamesAreEscaped() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.write("postmortems/evil\u{1B}[2J.md", "no front matter")
        let result = try CLI.aftermath(["validate"] + today, in: repo.url)
        XCTAssertEqual(result.status, 1)
        XCTAssertFalse(result.stderr.contains("\u{1B}"))
        XCTAssertTrue(result.stderr.contains("evil\\u{1b}[2J.md"), result.stderr)
    }
}
