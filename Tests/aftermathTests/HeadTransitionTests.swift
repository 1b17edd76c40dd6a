import XCTest
import Foundation

/// The commands that edit documents (`close`, `set`, `new`) and `validate` judge the working
/// tree and the index against HEAD with the transition rules, as the pre-commit hook does: an
/// edit the hook would refuse is refused before anything is written, and `validate` says so
/// before a commit fails.
final class HeadTransitionTests: XCTestCase {
    let today = ["--today", "2026-10-01"]
    let closedFinding = "postmortems/PM-2026-001-checkout-db-disk-full/findings/F-2026-001-01-wal-archiving-unalerted.md"
    let openItem = "postmortems/PM-2026-003-export-bucket-exposure/remediations/R-2026-003-03-remove-console-write.md"

    /// A copy of examples/ with everything committed.
    func committedExamples() throws -> TemporaryDirectory {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        return repo
    }

    func head(_ repo: TemporaryDirectory) throws -> String { try CLI.git(["rev-parse", "HEAD"], in: repo.url).stdout }

    func bytes(_ repo: TemporaryDirectory, _ path: String) throws -> Data { try Data(contentsOf: repo.path(path)) }

    func errorLines(_ result: CommandResult, rule: String) -> [Substring] {
        result.stderr.split(separator: "\n").filter { $0.contains(": error: ") && $0.hasSuffix("[\(rule)]") }
    }

    /// Refused `arguments` with and without `--commit`: `status`, a diagnostic of `rule` on
    /// `path` in the usual form, `path` byte-identical and HEAD where it was.
    func assertRefused(_ arguments: [String], in repo: TemporaryDirectory, status: Int32, rule: String, path: String,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try bytes(repo, path)
        let commit = try head(repo)
        // Through the summary an earlier run left, and reading everything.
        for (extra, environment) in [(["--commit"], [:]), ([], [:]), (["--commit"], ["AFTERMATH_NO_CACHE": "1"]), ([], ["AFTERMATH_NO_CACHE": "1"])] {
            let result = try CLI.aftermath(arguments + extra + today, in: repo.url, environment: environment)
            XCTAssertEqual(result.status, status, "\(arguments + extra) \(environment): \(result.stderr)", file: file, line: line)
            let lines = errorLines(result, rule: rule)
            XCTAssertEqual(lines.count, 1, result.stderr, file: file, line: line)
            XCTAssertTrue(lines.first?.hasPrefix(path + ":") ?? false, result.stderr, file: file, line: line)
            XCTAssertNotNil(lines.first?.range(of: #"^[^:]+:[0-9]+:[0-9]+: error: "#, options: .regularExpression), result.stderr, file: file, line: line)
            XCTAssertEqual(try bytes(repo, path), before, "\(path) changed", file: file, line: line)
            XCTAssertEqual(try head(repo), commit, "a commit was recorded", file: file, line: line)
        }
        XCTAssertEqual(try CLI.git(["status", "--porcelain"], in: repo.url).stdout, "", file: file, line: line)
    }

    // MARK: The reproductions

    /// `set approved_by` then `close --commit` on a draft committed `draft → closed` (AM504).
    func testClosingADraftIsRefusedAsTheHookRefusesIt() throws {
        let repo = try committedExamples()
        let created = try CLI.aftermath(["new", "postmortem", "--title", "Queue stall", "--severity", "sev3", "--author", "bob",
                                         "--declared-at", "2026-09-01T10:00:00Z", "--commit"] + today, in: repo.url)
        XCTAssertEqual(created.status, 0, created.stderr)
        let path = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let approved = try CLI.aftermath(["set", "PM-2026-005", "approved_by=carol", "--commit"] + today, in: repo.url)
        XCTAssertEqual(approved.status, 0, approved.stderr)
        try assertRefused(["close", "PM-2026-005", "--by", "farah"], in: repo, status: 3, rule: "AM504", path: path)
        let refused = try CLI.aftermath(["close", "PM-2026-005", "--by", "farah"] + today, in: repo.url)
        XCTAssertTrue(refused.stderr.contains("status may not move from `draft` to `closed`"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("PM-2026-005 cannot be closed"), refused.stderr)
        XCTAssertEqual(try CLI.aftermath(["close", "PM-2026-005", "--by", "farah", "--dry-run"] + today, in: repo.url).status, 3)

        // Along the allowed moves, one commit each, the same closure goes through.
        for status in ["in-review", "published"] {
            let moved = try CLI.aftermath(["set", "PM-2026-005", "status=\(status)", "--commit"] + today, in: repo.url)
            XCTAssertEqual(moved.status, 0, moved.stderr)
        }
        let closed = try CLI.aftermath(["close", "PM-2026-005", "--by", "farah", "--commit"] + today, in: repo.url)
        XCTAssertEqual(closed.status, 0, closed.stderr)
        XCTAssertTrue(try repo.read(path).contains("status: closed\n"))
        let range = try CLI.aftermath(["validate", "--range", "HEAD~5..HEAD"] + today, in: repo.url)
        XCTAssertEqual(range.status, 0, range.stderr)
    }

    /// `set F-… owner=bob --commit` under a closed postmortem committed an AM501 violation.
    func testSetUnderAClosedPostmortemIsRefusedAsTheHookRefusesIt() throws {
        let repo = try committedExamples()
        try assertRefused(["set", "F-2026-001-01", "owner=bob"], in: repo, status: 1, rule: "AM501", path: closedFinding)
        let refused = try CLI.aftermath(["set", "F-2026-001-01", "owner=bob"] + today, in: repo.url)
        XCTAssertTrue(refused.stderr.contains("F-2026-001-01 belongs to closed postmortem PM-2026-001 and may not change"), refused.stderr)

        // An allowed edit still goes through, and its commit passes the range check.
        let allowed = try CLI.aftermath(["set", "R-2026-003-03", "owner=dmitri", "--commit"] + today, in: repo.url)
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        XCTAssertTrue(try repo.read(openItem).contains("owner: dmitri\n"))
        XCTAssertEqual(try CLI.git(["rev-list", "--count", "HEAD"], in: repo.url).stdout, "2\n")
        XCTAssertEqual(try CLI.aftermath(["validate", "--range", "HEAD~1..HEAD"] + today, in: repo.url).status, 0)
    }

    // MARK: The class

    func testSetRefusesAStatusMoveTheHookRefuses() throws {
        let repo = try committedExamples()
        // wont-fix may only go back to open or proposed.
        let item = "postmortems/PM-2026-001-checkout-db-disk-full/remediations/R-2026-001-03-automate-failover.md"
        try CLI.git(["checkout", "-q", "-b", "reopened"], in: repo.url)
        let pm = "postmortems/PM-2026-001-checkout-db-disk-full/postmortem.md"
        try repo.write(pm, try repo.read(pm).replacingOccurrences(of: "status: closed", with: "status: published\nreopened_reason: Failover failed again."))
        try repo.commitAll("reopen")
        try assertRefused(["set", "R-2026-001-03", "status=done", "resolved_at=2026-09-30", "resolution=Automated."],
                          in: repo, status: 1, rule: "AM504", path: item)
        let allowed = try CLI.aftermath(["set", "R-2026-001-03", "tags=automation", "--commit"] + today, in: repo.url)
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
    }

    /// A change already in the working tree is not the edit's fault: it does not block an
    /// edit elsewhere, which the hook would let through on its own (`--commit` records only it).
    func testAnEditIsNotBlamedForTransitionProblemsAlreadyInTheWorkingTree() throws {
        let repo = try committedExamples()
        try repo.write(closedFinding, try repo.read(closedFinding) + "\nRewritten afterwards.\n")
        let result = try CLI.aftermath(["set", "R-2026-003-03", "owner=dmitri", "--commit"] + today, in: repo.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try CLI.git(["show", "--name-only", "--format=", "HEAD"], in: repo.url).stdout, openItem + "\n")
    }

    /// With `--commit` the edit is judged on what is recorded (HEAD and the one file), not on the
    /// working tree: a reopening left uncommitted does not let a closed record's change through.
    func testCommitJudgesTheRecordedStateNotTheWorkingTree() throws {
        let repo = try committedExamples()
        let pm = "postmortems/PM-2026-001-checkout-db-disk-full/postmortem.md"
        try repo.write(pm, try repo.read(pm).replacingOccurrences(of: "status: closed", with: "status: published\nreopened_reason: Failover failed again."))
        let before = try bytes(repo, closedFinding)
        let commit = try head(repo)
        for environment in [[:], ["AFTERMATH_NO_CACHE": "1"]] {
            let recorded = try CLI.aftermath(["set", "F-2026-001-01", "owner=bob", "--commit"] + today, in: repo.url, environment: environment)
            XCTAssertEqual(recorded.status, 1, recorded.stderr)
            XCTAssertEqual(errorLines(recorded, rule: "AM501").count, 1, recorded.stderr)
            XCTAssertEqual(try bytes(repo, closedFinding), before)
            XCTAssertEqual(try head(repo), commit)
        }
        // Without --commit the working tree, reopened, takes the change.
        let written = try CLI.aftermath(["set", "F-2026-001-01", "owner=bob"] + today, in: repo.url)
        XCTAssertEqual(written.status, 0, written.stderr)
    }

    /// `new` taking an ID that HEAD still holds (its folder deleted, uncommitted) would move
    /// that postmortem from `published` back to `draft`.
    func testNewRefusesADocumentTheHookRefuses() throws {
        let repo = try committedExamples()
        let published = try CLI.aftermath(["set", "PM-2026-004", "status=published", "approved_by=carol", "--commit"] + today, in: repo.url)
        XCTAssertEqual(published.status, 0, published.stderr)
        let folder = "postmortems/PM-2026-004-password-reset-delay"
        try FileManager.default.removeItem(at: repo.path(folder))
        let commit = try head(repo)
        let arguments = ["new", "postmortem", "--title", "Password reset delay", "--severity", "sev3", "--author", "bob",
                         "--declared-at", "2026-10-01T09:00:00Z"] + today
        for (extra, environment) in [(["--commit"], [:]), ([], [:]), (["--commit"], ["AFTERMATH_NO_CACHE": "1"])] {
            let result = try CLI.aftermath(arguments + extra, in: repo.url, environment: environment)
            XCTAssertEqual(result.status, 1, result.stderr)
            XCTAssertEqual(errorLines(result, rule: "AM504").count, 1, result.stderr)
            XCTAssertTrue(result.stderr.contains("status may not move from `published` to `draft`"), result.stderr)
            XCTAssertEqual(result.stdout, "")
            XCTAssertEqual(try head(repo), commit)
            XCTAssertFalse(FileManager.default.fileExists(atPath: repo.path(folder).path))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: repo.path("postmortems").path).count, 2)

        // Once the deletion is committed the ID is free in HEAD too, and a document may start
        // in any status.
        try CLI.git(["commit", "-q", "-a", "-m", "drop PM-2026-004"], in: repo.url)
        let created = try CLI.aftermath(arguments + ["--commit"], in: repo.url)
        XCTAssertEqual(created.status, 0, created.stderr)
        let finding = try CLI.aftermath(["new", "finding", "--postmortem", "PM-2026-003", "--title", "No alert", "--category", "process-flaw",
                                         "--owner", "bob", "--bug", "JIRA:SEC-300", "--commit"] + today, in: repo.url)
        XCTAssertEqual(finding.status, 0, finding.stderr)
    }

    /// In a repository with no commit there is nothing to judge against, whatever its first
    /// branch is called.
    func testWithoutHeadEditsBehaveAsBefore() throws {
        let repo = try TemporaryDirectory.examples()
        try CLI.git(["init", "-q", "-b", "main"], in: repo.url)
        let set = try CLI.aftermath(["set", "F-2026-001-01", "tags=late"] + today, in: repo.url)
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertTrue(errorLines(set, rule: "AM501").isEmpty, set.stderr)
        let allowed = try CLI.aftermath(["set", "R-2026-003-03", "owner=dmitri"] + today, in: repo.url)
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        let validate = try CLI.aftermath(["validate"] + today, in: repo.url)
        XCTAssertEqual(validate.status, 0, validate.stderr)
        XCTAssertFalse(validate.stderr.contains("[AM50"), validate.stderr)
        try CLI.git(["add", "-A"], in: repo.url)
        XCTAssertEqual(try CLI.aftermath(["validate", "--staged"] + today, in: repo.url).status, 0)
        XCTAssertEqual(try CLI.aftermath(["hooks", "install"], in: repo.url).status, 0)
        let first = try CLI.git(["commit", "-q", "-m", "first"], in: repo.url)
        XCTAssertEqual(first.status, 0, "the first commit passes the pre-commit hook: \(first.stderr)")
    }

    // MARK: validate

    /// What the hook would refuse shows in `validate` as a warning for the working tree and as
    /// an error for the index, in the usual form.
    func testValidateReportsWhatTheHookWouldRefuse() throws {
        let repo = try committedExamples()
        try repo.write(closedFinding, try repo.read(closedFinding) + "\nRewritten afterwards.\n")
        let message = "F-2026-001-01 belongs to closed postmortem PM-2026-001 and may not change"
        let working = try CLI.aftermath(["validate"] + today, in: repo.url)
        XCTAssertEqual(working.status, 0, working.stderr)
        XCTAssertTrue(working.stderr.contains(closedFinding + ":2:1: warning: " + message), working.stderr)
        XCTAssertTrue(working.stderr.contains("[AM501]"), working.stderr)
        XCTAssertEqual(try CLI.aftermath(["validate", "--strict"] + today, in: repo.url).status, 1)
        let json = try jsonDiagnostics(try CLI.aftermath(["validate", "--format", "json"] + today, in: repo.url))
        XCTAssertEqual(json.filter { $0["rule"] as? String == "AM501" }.map { $0["severity"] as? String }, ["warning"])

        try CLI.git(["add", closedFinding], in: repo.url)
        let staged = try CLI.aftermath(["validate", "--staged"] + today, in: repo.url)
        XCTAssertEqual(staged.status, 1, staged.stderr)
        XCTAssertTrue(staged.stderr.contains(closedFinding + ":2:1: error: " + message), staged.stderr)
        // The hook says the same.
        let hook = try CLI.aftermath(["hook", "pre-commit"] + today, in: repo.url)
        XCTAssertEqual(hook.status, 1)
        XCTAssertEqual(errorLines(hook, rule: "AM501"), errorLines(staged, rule: "AM501"))
        // The same through a summary left by an earlier run and without any.
        XCTAssertEqual(try CLI.aftermath(["validate", "--staged"] + today, in: repo.url).stderr, staged.stderr)
        let uncached = try CLI.aftermath(["validate", "--staged"] + today, in: repo.url, environment: ["AFTERMATH_NO_CACHE": "1"])
        XCTAssertEqual(uncached.stderr, staged.stderr)
        let uncachedWorking = try CLI.aftermath(["validate"] + today, in: repo.url, environment: ["AFTERMATH_NO_CACHE": "1"])
        XCTAssertEqual(uncachedWorking.stderr, working.stderr)

        // A revision and a range are judged as before: no HEAD comparison.
        XCTAssertFalse(try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: repo.url).stderr.contains("[AM501]"))
    }

    /// A status move made by hand in the working tree, reported before the commit fails.
    func testValidateWarnsOfAStatusMoveInTheWorkingTree() throws {
        let repo = try committedExamples()
        let pm = "postmortems/PM-2026-004-password-reset-delay/postmortem.md"
        try repo.write(pm, try repo.read(pm).replacingOccurrences(of: "status: in-review", with: "status: closed\nclosed_at: 2026-10-01\nclosed_by: farah"))
        let result = try CLI.aftermath(["validate", pm] + today, in: repo.url)
        XCTAssertTrue(result.stderr.contains(": warning: status may not move from `in-review` to `closed` (from `in-review`: draft, published) [AM504]"),
                      result.stderr)
    }
}
