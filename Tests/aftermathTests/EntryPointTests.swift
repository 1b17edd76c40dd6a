import XCTest

/// What the binary does before any command runs, and the hooks' install and removal leaving
/// nothing behind.
final class EntryPointTests: XCTestCase {
    func testBareAftermathIsAUsageErrorWithHelp() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.aftermath([], in: dir.url)
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("SUBCOMMANDS:"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testMistypedCommandsGetASuggestion() throws {
        let dir = try TemporaryDirectory()
        for (typed, meant) in [("lsit", "list"), ("valdiate", "validate"), ("raport", "report")] {
            let result = try CLI.aftermath([typed], in: dir.url)
            XCTAssertEqual(result.status, 64, typed)
            XCTAssertTrue(result.stderr.contains("unknown command `\(typed)` (did you mean `\(meant)`?)"), result.stderr)
        }
        let escaped = try CLI.aftermath(["lis\u{1B}t"], in: dir.url)
        XCTAssertEqual(escaped.status, 64)
        XCTAssertFalse(escaped.stderr.contains("\u{1B}"), "typed text is escaped")
    }

    func testUninstallingTheLastHookRemovesTheRecordedBinary() throws {
        let dir = try TemporaryDirectory()
        try CLI.git(["init", "-q"], in: dir.url)
        let hooks = dir.path(".git/hooks")
        let recorded = hooks.appendingPathComponent("aftermath-bin").path
        XCTAssertEqual(try CLI.aftermath(["hooks", "install"], in: dir.url).status, 0)
        XCTAssertEqual(try CLI.aftermath(["hooks", "install", "--server"], in: dir.url).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: recorded))
        XCTAssertEqual(try CLI.aftermath(["hooks", "install", "--uninstall"], in: dir.url).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: recorded), "the pre-receive hook still uses it")
        XCTAssertEqual(try CLI.aftermath(["hooks", "install", "--server", "--uninstall"], in: dir.url).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: recorded))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: hooks.path).filter { !$0.hasSuffix(".sample") }, [])
    }
}
