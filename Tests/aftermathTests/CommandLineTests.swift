import XCTest

final class CommandLineTests: XCTestCase {
    static let commands = ["validate", "list", "show", "close", "set", "new", "history", "report", "digest", "init", "hooks", "hook", "explain"]

    func testEveryCommandHasHelp() throws {
        let root = try CLI.aftermath(["--help"], in: CLI.packageRoot)
        XCTAssertEqual(root.status, 0)
        for command in Self.commands {
            XCTAssertTrue(root.stdout.contains(command), "root help lists \(command)")
            let help = try CLI.aftermath([command, "--help"], in: CLI.packageRoot)
            XCTAssertEqual(help.status, 0, command)
            XCTAssertTrue(help.stdout.contains("USAGE: aftermath \(command)"), help.stdout)
        }
    }

    func testEveryNestedCommandHasHelp() throws {
        for command in ["new postmortem", "new finding", "new remediation", "hooks install", "hook pre-commit", "hook pre-receive"] {
            let help = try CLI.aftermath(command.split(separator: " ").map(String.init) + ["--help"], in: CLI.packageRoot)
            XCTAssertEqual(help.status, 0, command)
            XCTAssertTrue(help.stdout.contains("USAGE: aftermath \(command)"), help.stdout)
        }
    }

    func testShellCompletionScripts() throws {
        for shell in ["bash", "zsh", "fish"] {
            let result = try CLI.aftermath(["--generate-completion-script", shell], in: CLI.packageRoot)
            XCTAssertEqual(result.status, 0)
            XCTAssertTrue(result.stdout.contains("validate"), shell)
        }
    }

    func testUsageErrorsExit64() throws {
        XCTAssertEqual(try CLI.aftermath(["validate", "--format", "xml"], in: CLI.packageRoot).status, 64)
        XCTAssertEqual(try CLI.aftermath(["frobnicate"], in: CLI.packageRoot).status, 64)
        XCTAssertEqual(try CLI.aftermath(["-C", "/nonexistent/dir", "validate"], in: CLI.packageRoot).status, 64)
    }

    func testExplainListsAndDescribesRules() throws {
        let list = try CLI.aftermath(["explain"], in: CLI.packageRoot)
        XCTAssertEqual(list.status, 0)
        for id in ["AM001", "AM101", "AM202", "AM301", "AM401"] { XCTAssertTrue(list.stdout.contains(id), id) }
        let one = try CLI.aftermath(["explain", "unknown-owner"], in: CLI.packageRoot)
        XCTAssertEqual(one.status, 0)
        XCTAssertTrue(one.stdout.contains("AM206 unknown-owner"))
        XCTAssertTrue(one.stdout.contains("Bad (triggers AM206; ↓ marks where it is reported)"))
        XCTAssertTrue(one.stdout.contains("    ↓owner: bbo\n"))
        XCTAssertTrue(one.stdout.contains("Good:\n"))
        // A transition rule's states are shown as the lines that change.
        let transition = try CLI.aftermath(["explain", "AM504"], in: CLI.packageRoot)
        XCTAssertTrue(transition.stdout.contains("    - status: published\n    + ↓status: draft\n"), transition.stdout)
        XCTAssertFalse(transition.stdout.contains("## Root cause"), "unchanged lines are left out")
        let unknown = try CLI.aftermath(["explain", "AM999"], in: CLI.packageRoot)
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("unknown rule"))
    }
}
