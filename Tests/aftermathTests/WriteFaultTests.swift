import XCTest
import Foundation

/// Writes that a crash cannot tear and races that cannot mix two edits.
final class WriteFaultTests: XCTestCase {
    let path = "postmortems/PM-2026-003-export-bucket-exposure/remediations/R-2026-003-03-remove-console-write.md"

    func start(_ arguments: [String], in directory: URL, environment: [String: String]) throws -> Process {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits for a marker file a test hook creates; fails instead of hanging forever.
    func waitFor(_ url: URL, file: StaticString = #filePath, line: UInt = #line) {
        for _ in 0..<3000 where !FileManager.default.fileExists(atPath: url.path) { usleep(10_000) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: url.path), "marker \(url.lastPathComponent) never appeared", file: file, line: line)
    }

    /// A full run writes its summary while it prints what it found; the process must not end
    /// before the write does (a paused write keeps it running), and leaves the whole file.
    func testTheSummaryWrittenBesideThePrintingIsCompleteBeforeTheProcessEnds() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        let marker = repo.path("pause-marker")
        let process = try start(["validate", "--today", "2026-10-01"], in: repo.url, environment: ["AFTERMATH_TEST_PAUSE_BEFORE_OVERWRITE": marker.path])
        waitFor(marker)
        usleep(300_000)
        XCTAssertTrue(process.isRunning, "ended with its summary half-written")
        // Each write pausing (the summary, and the folder listings when worth keeping) is let go.
        while process.isRunning {
            if FileManager.default.fileExists(atPath: marker.path) { try? FileManager.default.removeItem(at: marker) }
            usleep(10_000)
        }
        XCTAssertEqual(process.terminationStatus, 0)
        let kept = try FileManager.default.contentsOfDirectory(atPath: repo.path(".git/aftermath").path)
        XCTAssertTrue(kept.contains { $0.hasPrefix("summary-v") }, "\(kept)")
        XCTAssertFalse(kept.contains { $0.contains(".aftermath-tmp-") }, "\(kept)")
        let again = try CLI.aftermath(["validate", "--today", "2026-10-01"], in: repo.url)
        XCTAssertEqual(again.status, 0, again.stderr)
    }

    func testSIGKILLDuringAWriteLeavesTheOriginalIntact() throws {
        let repo = try TemporaryDirectory.examples()
        let before = try repo.read(path)
        let marker = repo.path("pause-marker")
        let process = try start(["set", "R-2026-003-03", "owner=dmitri"], in: repo.url, environment: ["AFTERMATH_TEST_PAUSE_BEFORE_RENAME": marker.path])
        waitFor(marker)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(try repo.read(path), before)

        let folder = repo.path(path).deletingLastPathComponent().path
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".aftermath-tmp-") }
        XCTAssertEqual(leftovers.count, 1, "the killed write's temporary file")
        XCTAssertFalse(leftovers[0].hasSuffix(".md"), "never read as a document")
        let validate = try CLI.aftermath(["validate", "--today", "2026-10-01"], in: repo.url)
        XCTAssertEqual(validate.status, 0, validate.stderr)

        // The next write cleans up after the dead process and succeeds.
        let again = try CLI.aftermath(["set", "R-2026-003-03", "owner=dmitri"], in: repo.url)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(try repo.read(path).contains("owner: dmitri"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".aftermath-tmp-") }, [])
    }

    func testTwoRacingWritesEndWithOneWinnerAndOneRefusal() throws {
        let repo = try TemporaryDirectory.examples()
        let pause = repo.path("pause-a"), lockPause = repo.path("lock-b")
        let a = try start(["set", "R-2026-003-03", "owner=dmitri"], in: repo.url, environment: ["AFTERMATH_TEST_PAUSE_BEFORE_RENAME": pause.path])
        waitFor(pause)
        // B has read the file (validation happens first) and is about to take the lock.
        let b = try start(["set", "R-2026-003-03", "owner=alice"], in: repo.url, environment: ["AFTERMATH_TEST_PAUSE_BEFORE_LOCK": lockPause.path])
        waitFor(lockPause)
        try FileManager.default.removeItem(at: pause)
        a.waitUntilExit()
        try FileManager.default.removeItem(at: lockPause)
        b.waitUntilExit()
        XCTAssertEqual(a.terminationStatus, 0)
        XCTAssertEqual(b.terminationStatus, 1, "B must refuse: the file changed since it read it")
        let text = try repo.read(path)
        XCTAssertTrue(text.contains("owner: dmitri"))
        XCTAssertFalse(text.contains("alice"))
    }

    func testAnEditorChangeBetweenReadAndWriteIsNeverOverwritten() throws {
        let repo = try TemporaryDirectory.examples()
        let lockPause = repo.path("lock")
        let process = try start(["set", "R-2026-003-03", "owner=dmitri"], in: repo.url,
                                environment: ["AFTERMATH_TEST_PAUSE_BEFORE_LOCK": lockPause.path])
        // The user saves the file in their editor after aftermath read it.
        waitFor(lockPause)
        let edited = try repo.read(path).replacingOccurrences(of: "priority: p1", with: "priority: p0")
        try repo.write(path, edited)
        try FileManager.default.removeItem(at: lockPause)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        XCTAssertEqual(try repo.read(path), edited)
    }
}
