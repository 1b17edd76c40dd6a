import XCTest
import Foundation

/// `list` and `show` on examples/ with a fixed date: every filter, sort, group and format.
final class ListCommandTests: XCTestCase {
    let today = ["--today", "2026-10-01"]

    /// Where commands run: a copy of examples/ at `examples/` (`-C examples`), so that no
    /// cache is written into the project's own `.git`.
    private var workspace: TemporaryDirectory!
    override func setUpWithError() throws { workspace = try TemporaryDirectory.holdingExamples() }
    override func tearDown() { workspace = nil }

    func list(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        let result = try CLI.aftermath(["-C", "examples", "list"] + arguments + today, in: workspace.url, environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result
    }

    func ids(_ arguments: [String]) throws -> [String] {
        let result = try list(arguments + ["--format", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try XCTUnwrap(object["items"] as? [[String: Any]]).compactMap { $0["id"] as? String }
    }

    func testDefaultShowsOpenItemsOverdueFirstThenByDueDate() throws {
        XCTAssertEqual(try ids([]), ["R-2026-003-03", "R-2026-003-02", "R-2026-003-04", "R-2026-004-01", "R-2026-004-02"])
        let table = try list([], environment: ["COLUMNS": "80"]).stdout
        let lines = table.split(separator: "\n")
        XCTAssertEqual(lines.count, 6)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 80 }, table)
        XCTAssertTrue(lines[1].hasPrefix("R-2026-003-03  open         bob    2026-09-25 +6d"), table)
        XCTAssertFalse(table.contains("\u{1B}"), "no colour when stdout is not a terminal")
    }

    func testFilters() throws {
        XCTAssertEqual(try ids(["--owner", "bob"]), ["R-2026-003-03", "R-2026-004-02"])
        XCTAssertEqual(try ids(["--owner", "sre"]), ["R-2026-003-03", "R-2026-004-02"], "a team matches its members' items")
        XCTAssertEqual(try ids(["--owner", "amoreau"]), ["R-2026-003-02"], "aliases resolve")
        XCTAssertEqual(try ids(["--team", "security"]), ["R-2026-003-02"])
        XCTAssertEqual(try ids(["--overdue"]), ["R-2026-003-03", "R-2026-003-02", "R-2026-003-04"])
        XCTAssertEqual(try ids(["--severity", "sev3"]), ["R-2026-004-01", "R-2026-004-02"])
        XCTAssertEqual(try ids(["--postmortem", "PM-2026-004"]), ["R-2026-004-01", "R-2026-004-02"])
        XCTAssertEqual(try ids(["--due-before", "2026-09-26"]), ["R-2026-003-03"])
        XCTAssertEqual(try ids(["--status", "done"]), ["R-2026-001-01", "R-2026-001-02", "R-2026-003-01", "R-2026-003-05"])
        XCTAssertEqual(try ids(["--category", "process-flaw"]), ["R-2026-003-04", "R-2026-004-02"])
        XCTAssertEqual(try ids(["--kind", "finding", "--open", "--sort", "id"]),
                       ["F-2026-003-01", "F-2026-003-02", "F-2026-003-03", "F-2026-004-01", "F-2026-004-02"])
        XCTAssertEqual(try ids(["--kind", "postmortem", "--all", "--sort", "id"]), ["PM-2026-001", "PM-2026-003", "PM-2026-004"])
        XCTAssertEqual(try ids(["--all"]).count, 10)
    }

    func testSorts() throws {
        XCTAssertEqual(try ids(["--sort", "due"]), ["R-2026-003-03", "R-2026-003-02", "R-2026-003-04", "R-2026-004-01", "R-2026-004-02"])
        XCTAssertEqual(try ids(["--sort", "owner"]), ["R-2026-003-02", "R-2026-003-03", "R-2026-004-02", "R-2026-003-04", "R-2026-004-01"])
        XCTAssertEqual(try ids(["--sort", "severity"]).prefix(3).allSatisfy { $0.hasPrefix("R-2026-003") }, true)
        XCTAssertEqual(try ids(["--sort", "age"]).prefix(3).allSatisfy { $0.hasPrefix("R-2026-003") }, true, "the older incident first")
        XCTAssertEqual(try ids(["--sort", "id"]), ["R-2026-003-02", "R-2026-003-03", "R-2026-003-04", "R-2026-004-01", "R-2026-004-02"])
    }

    func testGroupsInEveryFormat() throws {
        let json = try list(["--group-by", "team", "--format", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let groups = try XCTUnwrap(object["groups"] as? [[String: Any]])
        XCTAssertEqual(groups.compactMap { $0["group"] as? String }, ["(no team)", "security", "sre", "support"])
        XCTAssertEqual(try list(["--group-by", "postmortem"]).stdout.components(separatedBy: "PM-2026-00").count > 2, true)
        let markdown = try list(["--group-by", "owner", "--format", "markdown"]).stdout
        XCTAssertTrue(markdown.contains("### bob\n\n| ID | Status |"), markdown)
        XCTAssertTrue(markdown.contains("[JIRA:SEC-225](https://jira.acme.example/browse/SEC-225)"))
        let category = try list(["--group-by", "category", "--format", "csv"]).stdout
        XCTAssertTrue(category.hasPrefix("group,id,kind,"))
    }

    /// The CSV is read back by Python's csv module, an independent RFC 4180 reader.
    func testCSVReadsBackWithARealCSVParser() throws {
        let csv = try list(["--format", "csv", "--all"]).stdout
        XCTAssertTrue(csv.contains("\r\n"))
        let dir = try TemporaryDirectory()
        try dir.write("list.csv", csv)
        let script = "import csv,json,sys; rows=list(csv.reader(open(sys.argv[1], newline=''))); print(json.dumps(rows))"
        let parsed = try CLI.run("/usr/bin/env", ["python3", "-c", script, dir.path("list.csv").path], in: dir.url)
        XCTAssertEqual(parsed.status, 0, parsed.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [[String]])
        XCTAssertEqual(rows.first, ["id", "kind", "status", "owner", "due", "overdue_days", "severity", "category", "postmortem", "title", "bugs"])
        XCTAssertEqual(rows.count, 11)
        XCTAssertTrue(rows.allSatisfy { $0.count == 11 })
        XCTAssertEqual(rows.first { $0[0] == "R-2026-003-03" }?[5], "6")
    }

    func testColourOnlyOnATerminalAndNeverWithNO_COLOR() throws {
        let binary = CLI.binary.path
        let command = "\(binary) -C examples list --today 2026-10-01"
        let tty = try CLI.run("/usr/bin/script", ["-qc", command, "/dev/null"], in: workspace.url, environment: ["TERM": "xterm", "NO_COLOR": ""])
        XCTAssertTrue(tty.stdout.contains("\u{1B}[31m"), "overdue rows are red on a terminal")
        let noColor = try CLI.run("/usr/bin/script", ["-qc", command, "/dev/null"], in: workspace.url, environment: ["TERM": "xterm", "NO_COLOR": "1"])
        XCTAssertFalse(noColor.stdout.contains("\u{1B}["))
    }

    func testUnknownOwnerIsAUsageError() throws {
        let result = try CLI.aftermath(["-C", "examples", "list", "--owner", "bbo"], in: workspace.url)
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("did you mean `bob`"))
    }

    func testShowResolvesLinksAndBugURLs() throws {
        let text = try CLI.aftermath(["-C", "examples", "show", "PM-2026-003"] + today, in: workspace.url)
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.stdout.contains("R-2026-003-03  Remove console write access to production storage  [open]  owner: bob  due: 2026-09-25  OVERDUE 6d"))
        XCTAssertTrue(text.stdout.contains("bug: JIRA:SEC-225 <https://jira.acme.example/browse/SEC-225>"))
        let json = try CLI.aftermath(["-C", "examples", "show", "R-2026-003-03", "--format", "json"] + today, in: workspace.url)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["overdue_days"] as? Int, 6)
        XCTAssertEqual((object["parents"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, ["PM-2026-003", "F-2026-003-02"])
        XCTAssertEqual(((object["bugs"] as? [[String: Any]])?.first?["url"]) as? String, "https://jira.acme.example/browse/SEC-225")
        XCTAssertEqual((object["fields"] as? [String: Any])?["priority"] as? String, "p1")
    }
}
