import XCTest
import Foundation

final class NewAndInitCommandTests: XCTestCase {
    func testNewCreatesValidDocumentsWithTheNextIDs() throws {
        let repo = try TemporaryDirectory.examples()
        let pm = try CLI.aftermath(["new", "postmortem", "--title", "Payment API latency spike", "--severity", "sev2", "--author", "bob",
                                    "--declared-at", "2026-10-05T12:00:00Z"], in: repo.url)
        XCTAssertEqual(pm.status, 0, pm.stderr)
        XCTAssertEqual(pm.stdout, "postmortems/PM-2026-005-payment-api-latency-spike/postmortem.md\n")
        XCTAssertFalse(try repo.read("postmortems/PM-2026-005-payment-api-latency-spike/postmortem.md").contains("yaml-language-server"),
                       "no schema/ in the repository: no comment pointing at one")
        let finding = try CLI.aftermath(["new", "finding", "--postmortem", "PM-2026-005", "--title", "No load shedding",
                                         "--category", "technical-lapse", "--owner", "sre", "--bug", "JIRA:PAY-1"], in: repo.url)
        XCTAssertEqual(finding.stdout, "postmortems/PM-2026-005-payment-api-latency-spike/findings/F-2026-005-01-no-load-shedding.md\n", finding.stderr)
        let item = try CLI.aftermath(["new", "remediation", "--finding", "F-2026-005-01", "--title", "Add load shedding", "--owner", "bob",
                                      "--today", "2026-10-06"], in: repo.url)
        XCTAssertEqual(item.stdout, "postmortems/PM-2026-005-payment-api-latency-spike/remediations/R-2026-005-01-add-load-shedding.md\n", item.stderr)
        XCTAssertTrue(try repo.read("postmortems/PM-2026-005-payment-api-latency-spike/remediations/R-2026-005-01-add-load-shedding.md")
            .contains("due: 2026-11-04\n"), "sev2 policy: 30 days after declaration")
        XCTAssertEqual(try CLI.aftermath(["validate", "--today", "2026-10-06"], in: repo.url).status, 0)
    }

    func testNewRefusesInvalidInputAndWritesNothing() throws {
        let repo = try TemporaryDirectory.examples()
        let noBug = try CLI.aftermath(["new", "finding", "--postmortem", "PM-2026-004", "--title", "x", "--category", "manual-error", "--owner", "bob"], in: repo.url)
        XCTAssertEqual(noBug.status, 64, "a finding needs a bug: --bug is required")
        XCTAssertTrue(noBug.stderr.contains("--bug <ref>"), noBug.stderr)
        let result = try CLI.aftermath(["new", "finding", "--postmortem", "PM-2026-004", "--title", "x", "--category", "nope", "--owner", "zed", "--bug", "JIRA:A-1"], in: repo.url)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("[AM206]") && result.stderr.contains("[AM101]"), result.stderr)
        let folder = repo.path("postmortems/PM-2026-004-password-reset-delay/findings").path
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).count, 2)
        let unknown = try CLI.aftermath(["new", "finding", "--postmortem", "PM-2026-044", "--title", "x", "--category", "manual-error", "--owner", "bob", "--bug", "JIRA:A-1"], in: repo.url)
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("did you mean `PM-2026-004`"), unknown.stderr)
    }

    /// Several processes creating findings at once: every one gets its own ID and file.
    func testConcurrentNewNeverTakesTheSameID() throws {
        let repo = try TemporaryDirectory.examples()
        let count = 6
        let results = ConcurrentResults(count: count)
        let folder = repo.url
        DispatchQueue.concurrentPerform(iterations: count) { i in
            results.set(i, try? CLI.aftermath(["new", "finding", "--postmortem", "PM-2026-004", "--title", "Race \(i)",
                                               "--category", "manual-error", "--owner", "bob", "--bug", "JIRA:OPS-\(i + 1)"], in: folder))
        }
        let paths = results.values.compactMap { $0?.status == 0 ? $0?.stdout : nil }
        XCTAssertEqual(paths.count, count)
        let ids = Set(paths.map { $0.split(separator: "/").last!.prefix(13) })
        XCTAssertEqual(ids.count, count, "\(paths)")
        let validate = try CLI.aftermath(["validate", "--today", "2026-10-01"], in: repo.url)
        XCTAssertEqual(validate.status, 0, validate.stderr)
        XCTAssertFalse(validate.stderr.contains("AM201"))
    }

    func testInitKeepsExistingFiles() throws {
        let dir = try TemporaryDirectory()
        try CLI.git(["init", "-q"], in: dir.url)
        try CLI.git(["config", "user.name", "Dana Lee"], in: dir.url)
        try CLI.git(["config", "user.email", "dana.lee@example.org"], in: dir.url)
        try dir.write("schema/finding.schema.json", "{\"type\": \"object\"}\n")
        try dir.write("README.md", "ours\n")
        let result = try CLI.aftermath(["init"], in: dir.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("kept    schema/finding.schema.json"))
        XCTAssertEqual(try dir.read("schema/finding.schema.json"), "{\"type\": \"object\"}\n")
        XCTAssertEqual(try dir.read("README.md"), "ours\n")
        XCTAssertTrue(try dir.read("owners.yml").contains("handle: dana.lee\n    name: Dana Lee\n    email: dana.lee@example.org"))
        let again = try CLI.aftermath(["init"], in: dir.url)
        XCTAssertEqual(again.status, 0)
        XCTAssertFalse(again.stderr.contains("created"))
        let validate = try CLI.aftermath(["validate"], in: dir.url)
        XCTAssertEqual(validate.status, 0, validate.stderr)
        let pm = try CLI.aftermath(["new", "postmortem", "--title", "First", "--declared-at", "2026-10-05T12:00:00Z"], in: dir.url)
        XCTAssertEqual(pm.status, 0, "the author defaults to the git user: \(pm.stderr)")
    }

    /// With its own schemas (as `aftermath init` copies them), a new document's comment points
    /// editors at the file, relative to the document.
    func testTheSchemaCommentPointsAtTheRepositorysOwnSchema() throws {
        let repo = try TemporaryDirectory.examples()
        let source = CLI.packageRoot.appendingPathComponent("schema")
        try FileManager.default.copyItem(at: source, to: repo.path("schema"))
        let finding = try CLI.aftermath(["new", "finding", "--postmortem", "PM-2026-004", "--title", "Vendor status not watched",
                                         "--category", "process-flaw", "--owner", "erin", "--bug", "JIRA:OPS-9"], in: repo.url)
        XCTAssertEqual(finding.status, 0, finding.stderr)
        let path = finding.stdout.trimmingCharacters(in: .newlines)
        let text = try repo.read(path)
        XCTAssertTrue(text.hasPrefix("---\n# yaml-language-server: $schema=../../../schema/finding.schema.json\n"), text)
        XCTAssertTrue(FileManager.default.fileExists(atPath: repo.path(path).deletingLastPathComponent().appendingPathComponent("../../../schema/finding.schema.json").standardizedFileURL.path))
    }
}

final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [CommandResult?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: CommandResult?) { lock.lock(); storage[i] = value; lock.unlock() }
    var values: [CommandResult?] { lock.lock(); defer { lock.unlock() }; return storage }

}
