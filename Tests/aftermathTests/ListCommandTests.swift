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

    // MARK: Escaping in every format

    /// Control characters never reach a CSV raw, and a cell a spreadsheet would run as a
    /// formula (a leading =, +, -, @, tab or carriage return) is kept text with a leading quote.
    func testCSVEscapesControlCharactersAndGuardsFormulas() throws {
        let repo = try TemporaryDirectory.examples()
        try HostileExamples.set(repo, HostileExamples.item, "title", #"title: "\t=1+1 \e[2J\a""#)
        try HostileExamples.set(repo, "postmortems/PM-2026-004-password-reset-delay/remediations/R-2026-004-01-provider-status-feed.md",
                                "title", #"title: "\r=2+2""#)
        try HostileExamples.set(repo, "postmortems/PM-2026-004-password-reset-delay/remediations/R-2026-004-02-route-vendor-notices.md",
                                "title", #"title: "@SUM(A1) \u202Eevil""#)
        let result = try CLI.aftermath(["list", "--format", "csv"] + today, in: repo.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        for raw in ["\u{1B}", "\u{07}", "\u{202E}"] { XCTAssertFalse(result.stdout.contains(raw), "raw control character in the CSV") }
        try repo.write("list.csv", result.stdout)
        let script = "import csv,json,sys; rows=list(csv.reader(open(sys.argv[1], newline=''))); print(json.dumps(rows))"
        let parsed = try CLI.run("/usr/bin/env", ["python3", "-c", script, repo.path("list.csv").path], in: repo.url)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [[String]])
        let titles = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0[9]) })
        XCTAssertEqual(titles["R-2026-003-03"], "'\t=1+1 \\u{1b}[2J\\u{7}")
        XCTAssertEqual(titles["R-2026-004-01"], "'\r=2+2")
        XCTAssertEqual(titles["R-2026-004-02"], "'@SUM(A1) \\u{202e}evil")
    }

    /// JSON writes control and direction characters as escapes (its readers decode them).
    func testJSONEscapesControlAndDirectionCharacters() throws {
        let repo = try TemporaryDirectory.examples()
        try HostileExamples.set(repo, HostileExamples.item, "title", #"title: "a\e[2J\u202Eb""#)
        let result = try CLI.aftermath(["list", "--format", "json"] + today, in: repo.url)
        XCTAssertTrue(result.stdout.contains(#""title": "a\u001b[2J\u202eb""#), result.stdout)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let items = try XCTUnwrap(object["items"] as? [[String: Any]])
        XCTAssertEqual(items.first { $0["id"] as? String == "R-2026-003-03" }?["title"] as? String, "a\u{1B}[2J\u{202E}b")
    }

    /// `list --format markdown`: titles are text, and only http, https and mailto bugs are links.
    func testMarkdownListEscapesTitlesAndLinksOnlySafeTargets() throws {
        let repo = try TemporaryDirectory.examples()
        try HostileExamples.addScriptTrackers(repo)
        try HostileExamples.set(repo, HostileExamples.item, "title", #"title: "<script>alert(1)</script> *x* [y](javascript:z)""#)
        try HostileExamples.set(repo, HostileExamples.item, "bug", "bug: 'EVIL:x'")
        try HostileExamples.set(repo, "postmortems/PM-2026-004-password-reset-delay/remediations/R-2026-004-02-route-vendor-notices.md", "bug", "bug: 'BLOB:y'")
        let result = try CLI.aftermath(["list", "--format", "markdown"] + today, in: repo.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains(#"| &lt;script>alert(1)&lt;/script> \*x\* \[y\](javascript:z) | EVIL:x |"#), result.stdout)
        XCTAssertTrue(result.stdout.contains("| Route vendor notices to the on-call queue | BLOB:y |"), result.stdout)
        XCTAssertFalse(result.stdout.contains("<script"))
        let liveLink = try NSRegularExpression(pattern: #"[^\\]\]\((javascript|data):"#)
        XCTAssertEqual(liveLink.numberOfMatches(in: result.stdout, range: NSRange(result.stdout.startIndex..., in: result.stdout)), 0, result.stdout)
    }

    // MARK: The terminal table at any width

    /// Columns a line takes in a terminal, by an independent rule for the characters the test
    /// uses: CJK, kana and fullwidth forms and emoji take two, combining marks none.
    func displayWidth(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x0300...0x036F: return width
            case 0x3040...0x30FF, 0x4E00...0x9FFF, 0xFF01...0xFF60, 0x1F300...0x1F6FF: return width + 2
            default: return width + 1
            }
        }
    }

    func wideTitles() throws -> TemporaryDirectory {
        let repo = try TemporaryDirectory.examples()
        try HostileExamples.set(repo, HostileExamples.item, "title", "title: 本番ストレージへのコンソール書き込み権限を削除する（全アカウント）")
        try HostileExamples.set(repo, "postmortems/PM-2026-004-password-reset-delay/remediations/R-2026-004-01-provider-status-feed.md",
                                "title", #"title: "Cafe\u0301 🔥🔥 status feed with combining marks and emoji, long enough to be cut""#)
        return repo
    }

    /// Titles are cut by the columns they take (East Asian wide characters and emoji take two,
    /// combining marks none), and columns are dropped in the documented order until every line
    /// fits, at any width down to 40.
    func testTableFitsAnyWidthByDisplayColumns() throws {
        let repo = try wideTitles()
        for width in [120, 100, 80, 72, 64, 56, 50, 45, 41, 40] {
            let result = try CLI.aftermath(["list"] + today, in: repo.url, environment: ["COLUMNS": String(width)])
            XCTAssertEqual(result.status, 0, result.stderr)
            let lines = result.stdout.split(separator: "\n")
            XCTAssertEqual(lines.count, 6, result.stdout)
            for line in lines { XCTAssertLessThanOrEqual(displayWidth(line), width, "at \(width) columns: \(line)") }
            XCTAssertTrue(lines[0].hasPrefix("ID "), "a table at \(width) columns")
            XCTAssertTrue(lines.dropFirst().allSatisfy { $0.hasPrefix("R-2026-") }, "every row keeps its ID")
        }
        let at80 = try CLI.aftermath(["list"] + today, in: repo.url, environment: ["COLUMNS": "80"]).stdout
        XCTAssertTrue(at80.contains("  本番ストレージへのコンソール…\n"), at80)
        XCTAssertEqual(at80.split(separator: "\n")[0], "ID             STATUS       OWNER  DUE             TITLE", "POSTMORTEM and SEV dropped first")
        let at56 = try CLI.aftermath(["list"] + today, in: repo.url, environment: ["COLUMNS": "56"]).stdout
        XCTAssertEqual(at56.split(separator: "\n")[0], "ID             DUE             TITLE", "then OWNER and STATUS")
        let at40 = try CLI.aftermath(["list"] + today, in: repo.url, environment: ["COLUMNS": "40"]).stdout
        XCTAssertEqual(at40.split(separator: "\n")[0], "ID             TITLE", "then DUE")
    }

    /// Narrower than 40 columns, each row is shown one field per line, every line cut to fit.
    func testNarrowTerminalShowsOneFieldPerLine() throws {
        let repo = try wideTitles()
        let result = try CLI.aftermath(["list"] + today, in: repo.url, environment: ["COLUMNS": "30"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("""
        R-2026-003-03
          status: open
          owner: bob
          due: 2026-09-25 +6d
          severity: sev1
          postmortem: PM-2026-003
          title: 本番ストレージへのコ…

        R-2026-003-02
        """), result.stdout)
        for line in result.stdout.split(separator: "\n") { XCTAssertLessThanOrEqual(displayWidth(line), 30, String(line)) }
    }
}
