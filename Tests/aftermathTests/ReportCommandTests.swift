import XCTest
import Foundation

/// Reports, the incident report, digests and the HTML dashboard on examples/.
final class ReportCommandTests: XCTestCase {
    let today = ["--today", "2026-10-01"]

    /// Where commands run: a copy of examples/ at `examples/` (`-C examples`), so that no
    /// cache is written into the project's own `.git`.
    private var workspace: TemporaryDirectory!
    override func setUpWithError() throws { workspace = try TemporaryDirectory.holdingExamples() }
    override func tearDown() { workspace = nil }

    func report(_ arguments: [String]) throws -> CommandResult {
        let result = try CLI.aftermath(["-C", "examples", "report"] + arguments + today, in: workspace.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result
    }

    func testReviewReportInMarkdown() throws {
        let text = try report(["--since", "2026-09-15"]).stdout
        for heading in ["# Remediation review — 2026-10-01", "## Open items by owner", "## Open items by team", "## Overdue",
                        "## Postmortems that cannot be closed yet", "## Age of open items", "## Time to close", "## Closed since 2026-09-15",
                        "## Incidents", "## On-time rate", "## Due dates pushed back", "## Recurring weaknesses"] {
            XCTAssertTrue(text.contains(heading + "\n"), heading)
        }
        XCTAssertTrue(text.contains("| R-2026-003-03 | bob | 2026-09-25 | **6** | PM-2026-003 | Remove console write access to production storage | [JIRA:SEC-225](https://jira.acme.example/browse/SEC-225) |"), text)
        XCTAssertTrue(text.contains("| PM-2026-003 | published | 6 | F-2026-003-01, R-2026-003-02, F-2026-003-02, R-2026-003-03, F-2026-003-03, R-2026-003-04 | alice, bob, carol, security |"), text)
        XCTAssertTrue(text.contains("| PM-2026-001 | sev2 | closed | 22m | 1h 13m | 2h 29m |"), text)
        XCTAssertTrue(text.contains("4 of 4 done items (100%) were resolved by their due date."), text)
        XCTAssertTrue(text.contains("| communication-glitch | 2 | PM-2026-001, PM-2026-004 |"), text)
        XCTAssertTrue(text.contains("| F-2026-004-01 | Support was not told of the provider's maintenance window | F-2026-001-03 |"), text)
        XCTAssertTrue(text.contains("| R-2026-003-01 | done | alice |"), "closed since: resolved 2026-09-16")
    }

    func testIncidentReport() throws {
        let text = try report(["PM-2026-003"]).stdout
        XCTAssertTrue(text.hasPrefix("# PM-2026-003: Customer invoices exposed through a public export bucket\n"))
        XCTAssertTrue(text.contains("Time to detect: 11d 17h · time to contain: 56m · time to recover: 2d 2h"), text)
        XCTAssertTrue(text.contains("## Summary\n\nBetween 2 and 14 September"))
        XCTAssertTrue(text.contains("| 2026-09-14 10:05 | Incident declared, sev1, data breach suspected |"), text)
        XCTAssertTrue(text.contains("- Attack vector: Anonymous listing and download of a bucket with a public-read ACL"))
        XCTAssertTrue(text.contains("### attack-vector\n"))
        XCTAssertTrue(text.contains("| R-2026-003-03 | **open (overdue)** | bob | 2026-09-25 |"), text)
        let html = try report(["PM-2026-003", "--format", "html"]).stdout
        XCTAssertTrue(html.contains("<h1>PM-2026-003: Customer invoices exposed through a public export bucket</h1>"))
        XCTAssertTrue(html.contains("<a href=\"https://jira.acme.example/browse/SEC-221\">JIRA:SEC-221</a>"))
        XCTAssertEqual(try CLI.aftermath(["-C", "examples", "report", "PM-2026-099"], in: workspace.url).status, 64)
    }

    func testDigestOnePerOwner() throws {
        let result = try CLI.aftermath(["-C", "examples", "digest"] + today, in: workspace.url)
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("<!-- owner: bob email: bob.okafor@acme.example -->\n## Remediation items for Bob Okafor — 2026-10-01"))
        XCTAssertTrue(result.stdout.contains("You have 2 open items, **1 overdue**."))
        XCTAssertTrue(result.stdout.contains("- **OVERDUE 6d** R-2026-003-03 (open, due 2026-09-25): Remove console write access to production storage — [JIRA:SEC-225](https://jira.acme.example/browse/SEC-225) · PM-2026-003"))
        let dir = try TemporaryDirectory()
        let files = try CLI.aftermath(["-C", "examples", "digest", "--output-dir", dir.path("out").path] + today, in: workspace.url)
        XCTAssertEqual(files.status, 0, files.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path("out").path).sorted(), ["alice.md", "bob.md", "carol.md", "erin.md"])
    }

    func testHTMLDashboardIsSelfContained() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        try CLI.git(["mv", "postmortems/PM-2026-003-export-bucket-exposure/remediations/R-2026-003-03-remove-console-write.md",
                     "postmortems/PM-2026-003-export-bucket-exposure/remediations/R-2026-003-03-console.md"], in: repo.url)
        let path = "postmortems/PM-2026-003-export-bucket-exposure/remediations/R-2026-003-03-console.md"
        try repo.write(path, try repo.read(path).replacingOccurrences(of: "due: 2026-09-25", with: "due: 2026-09-30"))
        try repo.commitAll("push the due date back")
        let out = repo.path("report.html")
        let result = try CLI.aftermath(["report", "--format", "html", "--output", out.path] + today, in: repo.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        let html = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("src=\"http"), "no network requests")
        XCTAssertFalse(html.contains("<link"), "no external stylesheet")
        XCTAssertTrue(html.contains("<style>"))
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 3, "open/closed over time, overdue by team, time to close")
        XCTAssertTrue(html.contains("<th scope=\"col\">Owner</th>"))
        XCTAssertTrue(html.contains("<td>R-2026-003-03</td><td>bob</td><td>1</td><td>5</td>"), "the due date moved 5 days later once")
        // Writing again replaces the generated file atomically.
        XCTAssertEqual(try CLI.aftermath(["report", "--format", "html", "--output", out.path] + today, in: repo.url).status, 0)
    }

    /// The dashboard in a real browser: Debian's chromium, headless.
    func testHTMLDashboardInARealBrowser() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("chromium is not installed (scripts/test installs it)")
        }
        let dir = try TemporaryDirectory()
        let html = dir.path("dashboard.html")
        XCTAssertEqual(try CLI.aftermath(["-C", "examples", "report", "--format", "html", "--output", html.path] + today, in: workspace.url).status, 0)
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=\(dir.path("profile").path)"]
        let dom = try CLI.run(chromium, flags + ["--dump-dom", html.absoluteString], in: dir.url)
        XCTAssertEqual(dom.status, 0, dom.stderr)
        XCTAssertTrue(dom.stdout.contains("<h1>Remediation review — 2026-10-01</h1>"))
        XCTAssertEqual(dom.stdout.components(separatedBy: "<table>").count - 1, dom.stdout.components(separatedBy: "</table>").count - 1)
        XCTAssertTrue(dom.stdout.contains("<td>R-2026-003-03</td><td>bob</td><td>2026-09-25</td><td class=\"flag\"><strong>6</strong></td>"), "the overdue rows are in the DOM")
        let overdueRows = dom.stdout.components(separatedBy: "<td class=\"flag\"><strong>").count - 1
        XCTAssertGreaterThanOrEqual(overdueRows, 3)

        let png = dir.path("phone.png")
        let shot = try CLI.run(chromium, flags + ["--screenshot=\(png.path)", "--window-size=390,1200", "--hide-scrollbars", html.absoluteString], in: dir.url)
        XCTAssertEqual(shot.status, 0, shot.stderr)
        // Non-blank: the decompressed, still filtered scanlines of a blank page are nearly all
        // zero; a rendered page has many distinct byte values.
        let check = """
        import sys, zlib
        data = open(sys.argv[1], 'rb').read()
        assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
        pos, idat = 8, b''
        while pos < len(data):
            length = int.from_bytes(data[pos:pos+4], 'big'); kind = data[pos+4:pos+8]
            if kind == b'IDAT': idat += data[pos+8:pos+8+length]
            pos += 12 + length
        raw = zlib.decompress(idat)
        print(len(set(raw)), sum(1 for b in raw if b) / len(raw))
        """
        let stats = try CLI.run("/usr/bin/env", ["python3", "-c", check, png.path], in: dir.url)
        XCTAssertEqual(stats.status, 0, stats.stderr)
        let numbers = stats.stdout.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        XCTAssertGreaterThan(numbers.first ?? 0, 50, "distinct byte values in the screenshot")
        XCTAssertGreaterThan(numbers.last ?? 0, 0.01, "share of non-zero bytes")
    }
}
