import XCTest
import Foundation

/// `aftermath notify`: drafts a breach's next notice without writing or sending anything, and
/// records its sending with the same surgical, atomic edit as `set`.
final class NotifyCommandTests: XCTestCase {
    let today = ["--today", "2026-10-01"]
    let breach = "postmortems/PM-2026-003-export-bucket-exposure/postmortem.md"
    let inReview = "postmortems/PM-2026-004-password-reset-delay/postmortem.md"
    let thirdNotice = """
        - recipients: [enterprise-admins, eu-customers]
          nature: The change was made by hand during the storage migration.
          next_steps: [Audit every manual change of the last year]
          next_update_by: 2026-10-15

    """

    /// A copy of the examples in git whose breach has a third notice still to send.
    func repository() throws -> TemporaryDirectory {
        let repo = try TemporaryDirectory.examples()
        let text = try repo.read(breach)
        try repo.write(breach, text.replacingOccurrences(of: "actors:\n", with: thirdNotice + "actors:\n"))
        try repo.commitAll()
        return repo
    }

    func mode(_ url: URL) throws -> Int {
        try XCTUnwrap((try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue)
    }

    func testADraftOfTheNextNoticeWritesNothing() throws {
        let repo = try repository()
        let before = try repo.read(breach)
        let result = try CLI.aftermath(["notify", "PM-2026-003"] + today, in: repo.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("""
            Subject: Update 2 on the security incident: Customer invoices exposed through a public export bucket
            To: enterprise-admins, eu-customers
            Reference: PM-2026-003, notice 3

            This notice follows our notice of 2026-09-22 14:00 UTC.

            ## What happened

            The change was made by hand during the storage migration.

            ## What happens next

            - Audit every manual change of the last year

            We will send our next update by 2026-10-15.

            """), result.stdout)
        XCTAssertTrue(result.stderr.contains("draft of notice 3 of PM-2026-003; nothing was sent"), result.stderr)
        XCTAssertEqual(try repo.read(breach), before)
        XCTAssertEqual(try CLI.git(["status", "--porcelain"], in: repo.url).stdout, "")

        let text = try CLI.aftermath(["notify", "PM-2026-003", "--format", "text"] + today, in: repo.url)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("\nWhat happens next\n-----------------\n"), text.stdout)
    }

    func testUsageErrors() throws {
        let repo = try repository()
        for (arguments, words) in [
            (["notify", "PM-2026-03"], ["no postmortem with ID `PM-2026-03`", "did you mean `PM-2026-003`?"]),
            (["notify", "F-2026-003-01"], ["no postmortem with ID `F-2026-003-01`"]),
            (["notify", "PM-2026-001"], ["PM-2026-001 is not a data breach"]),
            (["notify", "PM-2026-001", "--sent-at", "2026-09-30T10:00:00Z"], ["PM-2026-001 is not a data breach"]),
            (["notify", "PM-2026-003", "--sent-at", "yesterday"], ["--sent-at `yesterday` is not an RFC 3339 date and time"]),
            (["notify", "PM-2026-003", "--sent-at", "2026-10-02T08:00:00Z"], ["is after today (2026-10-01)"]),
            (["notify", "PM-2026-003", "--sent-at", "2026-09-30T10:00:00Z", "--format", "text"], ["give one of them"]),
            (["notify", "PM-2026-003", "--format", "pdf"], ["pdf"]),
        ] {
            let result = try CLI.aftermath(arguments + today, in: repo.url)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
            for word in words { XCTAssertTrue(result.stderr.contains(word), "\(arguments): \(result.stderr)") }
        }
        XCTAssertEqual(try CLI.git(["status", "--porcelain"], in: repo.url).stdout, "")
    }

    func testSentAtRecordsTheNoticeChangingOneLineAndKeepsTheMode() throws {
        let repo = try repository()
        let before = try repo.read(breach)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: repo.path(breach).path)
        let result = try CLI.aftermath(["notify", "PM-2026-003", "--sent-at", "2026-09-30T10:00:00Z"] + today, in: repo.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("recorded notice 3 of PM-2026-003 as sent at 2026-09-30T10:00:00Z"), result.stderr)
        XCTAssertEqual(try repo.read(breach), before.replacingOccurrences(
            of: "    - recipients: [enterprise-admins, eu-customers]\n",
            with: "    - sent_at: 2026-09-30T10:00:00Z\n      recipients: [enterprise-admins, eu-customers]\n"))
        XCTAssertEqual(try mode(repo.path(breach)), 0o600)
        XCTAssertEqual(try CLI.aftermath(["validate"] + today, in: repo.url).status, 0)

        // Every notice is sent now: there is nothing left to record or draft.
        for arguments in [["notify", "PM-2026-003", "--sent-at", "2026-09-30T11:00:00Z"], ["notify", "PM-2026-003"]] {
            let again = try CLI.aftermath(arguments + today, in: repo.url)
            XCTAssertEqual(again.status, 64, again.stderr)
            XCTAssertTrue(again.stderr.contains("every notice of PM-2026-003 is already sent (3)"), again.stderr)
        }
    }

    func testTheFirstNoticeAlsoRecordsCustomersNotifiedAt() throws {
        let repo = try TemporaryDirectory.examples()
        let text = try repo.read(inReview)
        try repo.write(inReview, text.replacingOccurrences(of: "data_breach: false\n", with: """
            data_breach: true
            notification:
              notices:
                - recipients: 40
                  nature: Reset links were sent to the wrong address.

            """))
        try repo.commitAll()
        let dryRun = try CLI.aftermath(["notify", "PM-2026-004", "--sent-at", "2026-09-21T09:00:00Z", "--dry-run"] + today, in: repo.url)
        XCTAssertEqual(dryRun.status, 0, dryRun.stderr)
        XCTAssertTrue(dryRun.stdout.contains("    - sent_at: 2026-09-21T09:00:00Z\n      recipients: 40\n"), dryRun.stdout)
        XCTAssertEqual(try CLI.git(["status", "--porcelain"], in: repo.url).stdout, "", "--dry-run writes nothing")

        let result = try CLI.aftermath(["notify", "PM-2026-004", "--sent-at", "2026-09-21T09:00:00Z", "--commit"] + today, in: repo.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        let written = try repo.read(inReview)
        XCTAssertTrue(written.contains("    - sent_at: 2026-09-21T09:00:00Z\n      recipients: 40\n"), written)
        XCTAssertTrue(written.contains("\ncustomers_notified_at: 2026-09-21T09:00:00Z\n---\n"), written)
        XCTAssertEqual(try CLI.git(["status", "--porcelain"], in: repo.url).stdout, "")
        XCTAssertEqual(try CLI.git(["log", "-1", "--format=%s"], in: repo.url).stdout, "notify PM-2026-004: notice 1 sent at 2026-09-21T09:00:00Z\n")
    }

    func testARecordThatWouldBringAnErrorIsRefused() throws {
        let repo = try repository()
        let before = try repo.read(breach)
        // Before notice 2 was sent: the notices would no longer be in the order sent.
        let result = try CLI.aftermath(["notify", "PM-2026-003", "--sent-at", "2026-09-20T10:00:00Z"] + today, in: repo.url)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("error: notice 3 was sent at 2026-09-20T10:00:00Z, before notice 2 (2026-09-22T14:00:00Z)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("[AM108]"), result.stderr)
        XCTAssertTrue(result.stderr.contains("PM-2026-003 was not changed"), result.stderr)
        XCTAssertEqual(try repo.read(breach), before)
    }

    func testAnEditMadeMeanwhileIsNeverOverwritten() throws {
        let repo = try repository()
        let lockPause = repo.path("lock")
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["notify", "PM-2026-003", "--sent-at", "2026-09-30T10:00:00Z"] + today
        process.currentDirectoryURL = repo.url
        process.environment = ProcessInfo.processInfo.environment.merging(["AFTERMATH_TEST_PAUSE_BEFORE_LOCK": lockPause.path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<3000 where !FileManager.default.fileExists(atPath: lockPause.path) { usleep(10_000) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: lockPause.path), "the write never paused")
        // The user saves the file in their editor after aftermath read it.
        let edited = try repo.read(breach).replacingOccurrences(of: "recipients: 1284", with: "recipients: 1285")
        try repo.write(breach, edited)
        try FileManager.default.removeItem(at: lockPause)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        XCTAssertEqual(try repo.read(breach), edited)
    }
}
