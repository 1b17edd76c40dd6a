import XCTest
import Foundation

/// Commands that write documents keep what the user set on the file, refuse what they may not
/// write, and leave nothing behind when a write fails.
final class WritePreservationTests: XCTestCase {
    let today = ["--today", "2026-10-01"]
    let item = "postmortems/PM-2026-003-export-bucket-exposure/remediations/R-2026-003-03-remove-console-write.md"
    let closedPostmortem = "postmortems/PM-2026-001-checkout-db-disk-full/postmortem.md"

    func mode(_ url: URL) throws -> Int {
        try XCTUnwrap((try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue)
    }

    func testSetKeepsTheFileMode() throws {
        let repo = try TemporaryDirectory.examples()
        for (mode, owner) in [(0o600, "dmitri"), (0o755, "alice"), (0o640, "bob")] {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: repo.path(item).path)
            let result = try CLI.aftermath(["set", "R-2026-003-03", "owner=\(owner)"] + today, in: repo.url)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(try repo.read(item).contains("owner: \(owner)"))
            XCTAssertEqual(try self.mode(repo.path(item)), mode, String(mode, radix: 8))
        }
    }

    func testCloseKeepsTheFileMode() throws {
        let repo = try TemporaryDirectory.examples()
        // The closed example, reopened as published: closing it again writes the file.
        let text = try repo.read(closedPostmortem)
        let reopened = text.replacingOccurrences(of: "status: closed", with: "status: published")
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("closed_at:") && !$0.hasPrefix("closed_by:") }
            .joined(separator: "\n")
        try repo.write(closedPostmortem, reopened)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: repo.path(closedPostmortem).path)
        let result = try CLI.aftermath(["close", "PM-2026-001", "--by", "farah"] + today, in: repo.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(try repo.read(closedPostmortem).contains("status: closed"))
        XCTAssertEqual(try mode(repo.path(closedPostmortem)), 0o600)
    }

    /// Refused for everyone, root included (who could write it): a file its owner made
    /// read-only is not replaced behind their back.
    func testAReadOnlyFileIsRefusedNotReplaced() throws {
        let repo = try TemporaryDirectory.examples()
        let before = try repo.read(item)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: repo.path(item).path)
        let result = try CLI.aftermath(["set", "R-2026-003-03", "owner=dmitri"] + today, in: repo.url)
        XCTAssertEqual(result.status, 4, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("aftermath: error: ") && result.stderr.contains("read-only"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertEqual(try repo.read(item), before)
        XCTAssertEqual(try mode(repo.path(item)), 0o444)
    }

    func testFieldNamesThatAreNotPlainKeysAreUsageErrors() throws {
        let repo = try TemporaryDirectory.examples()
        let before = try repo.read(item)
        for assignment in ["owner\n---\ninjected: yes\n---\nx=1", "status =done", "Status=done", "my field=x", "ow\u{1B}[31mner=bob", "-x=1"] {
            let result = try CLI.aftermath(["set", "R-2026-003-03", assignment] + today, in: repo.url)
            XCTAssertEqual(result.status, 64, "\(assignment): \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("\u{1B}"), result.stderr)
        }
        XCTAssertEqual(try repo.read(item), before)
        // A padded `status` no longer slips past the refusal to close through `set`.
        let padded = try CLI.aftermath(["set", "PM-2026-003", "status =closed"] + today, in: repo.url)
        XCTAssertEqual(padded.status, 64, padded.stderr)
    }

    /// Runs the binary on a file system that takes no more data: RLIMIT_FSIZE at 0, with
    /// SIGXFSZ ignored so that writes fail with EFBIG as they would on a full disk. Its stderr
    /// goes through `cat`, to which the limit does not apply, and its status through pipefail.
    func runWithoutSpace(_ arguments: [String], in directory: URL) throws -> CommandResult {
        let script = "set -o pipefail; (trap '' XFSZ; ulimit -f 0; exec \"$0\" \"$@\") 2>&1 >/dev/null | cat >&2"
        return try CLI.run("/bin/bash", ["-c", script, CLI.binary.path] + arguments, in: directory)
    }

    func testNewOnAFullDiskLeavesNothingAndSaysSoOnce() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        let before = try FileManager.default.subpathsOfDirectory(atPath: repo.path("postmortems").path).sorted()
        let result = try runWithoutSpace(["new", "postmortem", "--title", "Disk full", "--author", "alice"] + today, in: repo.url)
        XCTAssertEqual(result.status, 4, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("aftermath: error: ") && result.stderr.contains("File too large"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: repo.path("postmortems").path).sorted(), before)
    }

    func testAFailedReportOutputIsAnIOErrorNotValidationErrors() throws {
        let repo = try TemporaryDirectory.examples()
        let result = try CLI.aftermath(["report", "--output", repo.path("no-such-folder/report.md").path] + today, in: repo.url)
        XCTAssertEqual(result.status, 4, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("aftermath: error: ") && result.stderr.contains("no-such-folder"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        let full = try runWithoutSpace(["report", "--output", repo.path("report.md").path] + today, in: repo.url)
        XCTAssertEqual(full.status, 4, full.stderr)
        XCTAssertTrue(full.stderr.hasPrefix("aftermath: error: ") && full.stderr.contains("report.md"), full.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: repo.path("report.md").path))
    }

    func testALongSlugIsAUsageErrorNotAFoundationDump() throws {
        let repo = try TemporaryDirectory.examples()
        let result = try CLI.aftermath(["new", "postmortem", "--title", "Long", "--author", "alice", "--slug", String(repeating: "a", count: 300)] + today,
                                       in: repo.url)
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertFalse(result.stderr.contains("NSCocoaErrorDomain"), result.stderr)
        // A long title is cut at a word boundary instead.
        let titled = try CLI.aftermath(["new", "postmortem", "--title", "Zürich Café: the TLS certificate expired on every edge proxy at once", "--author", "alice"] + today,
                                       in: repo.url)
        XCTAssertEqual(titled.status, 0, titled.stderr)
        XCTAssertTrue(titled.stdout.hasPrefix("postmortems/PM-2026-005-zurich-cafe-the-tls-certificate-expired/"), titled.stdout)
    }

    func testNewNeverEchoesControlCharactersFromTheSlug() throws {
        let repo = try TemporaryDirectory.examples()
        let result = try CLI.aftermath(["new", "postmortem", "--title", "x", "--author", "alice", "--slug", "a\u{1B}]0;pwned\u{07}"] + today, in: repo.url)
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertFalse(result.stderr.contains("\u{1B}") || result.stdout.contains("\u{1B}") || result.stderr.contains("\u{07}"), result.stderr)
        XCTAssertTrue(result.stderr.contains("\\u{1b}"), result.stderr)
    }
}
