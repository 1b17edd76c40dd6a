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
                        "## Postmortems that cannot be closed yet", "## Age of open items", "## Time to close", "## Remediation items closed since 2026-09-15",
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
        // The breach's notices: when, to whom, what each says and lacks, the update promised.
        XCTAssertTrue(text.contains("## Customer notifications\n"), text)
        XCTAssertTrue(text.contains("| 1 | 2026-09-16T15:30:00Z | 1284 customers | nature, impact, mitigation, next steps |  | 2026-09-23 |"), text)
        XCTAssertTrue(text.contains("| 2 | 2026-09-22T14:00:00Z | customers-with-downloaded-invoices | nature, impact, mitigation |  | — |"), text)
        XCTAssertFalse(try report(["PM-2026-001"]).stdout.contains("Customer notifications"), "not for an incident without notices")
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
        // An item seen open, then closed: time to close has a figure to chart.
        let closed = "postmortems/PM-2026-003-export-bucket-exposure/remediations/R-2026-003-04-review-out-of-band-changes.md"
        try repo.write(closed, try repo.read(closed).replacingOccurrences(of: "status: proposed", with: "status: done\nresolved_at: 2026-09-20\nresolution: Done."))
        try repo.commitAll("push the due date back, close an item")
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
        let flags = HeadlessChromium.flags(profile: dir)
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
        try HeadlessChromium.assertRendered(png, in: dir)
    }

    /// The incident report in a real browser: the body's lists and the bugs' links are elements.
    /// With AFTERMATH_SCREENSHOTS set to a folder, the screenshot is kept there as report.png
    /// (docs/report.png is made this way).
    func testIncidentReportInARealBrowser() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("chromium is not installed (scripts/test installs it)")
        }
        let dir = try TemporaryDirectory()
        let html = dir.path("report.html")
        let written = try CLI.aftermath(["-C", "examples", "report", "PM-2026-001", "--format", "html", "--output", html.path] + today, in: CLI.packageRoot)
        XCTAssertEqual(written.status, 0, written.stderr)
        let flags = HeadlessChromium.flags(profile: dir)
        let dom = try CLI.run(chromium, flags + ["--dump-dom", html.absoluteString], in: dir.url)
        XCTAssertEqual(dom.status, 0, dom.stderr)
        XCTAssertTrue(dom.stdout.contains("""
        <h2>Lessons</h2>
        <ul><li>Silent failures in background jobs need an alert, not a log line.</li><li>Runbooks must be drilled, or they rot.</li>
        """), dom.stdout)
        XCTAssertTrue(dom.stdout.contains("<code>archive_command</code> failures were only logged"), "a code span in a paragraph")
        XCTAssertTrue(dom.stdout.contains("<a href=\"https://jira.acme.example/browse/OPS-415\">JIRA:OPS-415</a>"), "bugs are links")

        let png = dir.path("report.png")
        let shot = try CLI.run(chromium, flags + ["--screenshot=\(png.path)", "--window-size=1000,2400", "--hide-scrollbars", html.absoluteString], in: dir.url)
        XCTAssertEqual(shot.status, 0, shot.stderr)
        try HeadlessChromium.assertRendered(png, in: dir)
        if let folder = ProcessInfo.processInfo.environment["AFTERMATH_SCREENSHOTS"], !folder.isEmpty {
            let target = URL(fileURLWithPath: folder).appendingPathComponent("report.png")
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: png, to: target)
        }
    }

    // MARK: Bodies, links and escaping in reports

    static let structuredLessons = """
    ## Lessons
    - Silent failures hide *for weeks*:
      - nested **one** with `a<b>` code
      - nested two, see [the runbook](https://runbooks.example/a_(b)) and [bad](javascript:alert(1)) and ![img](data:image/png;base64,AAA)
    * Star item <script>alert(1)</script>
    1. First numbered
    2. Second numbered

    ```sh
    if [ "$a" < 3 ]; then echo "&amp;"; fi
    ```

    [ref]: javascript:alert(2)
    See [the ref][ref] and mail [us](mailto:sec@acme.example).
    <img src=x onerror=alert(4)>

    """

    func structuredRepository() throws -> TemporaryDirectory {
        let repo = try TemporaryDirectory.examples()
        let body = try repo.read(HostileExamples.postmortem)
        let lessons = try XCTUnwrap(body.range(of: "## Lessons\n"))
        try repo.write(HostileExamples.postmortem, String(body[..<lessons.lowerBound]) + Self.structuredLessons)
        return repo
    }

    /// A body section keeps its lists, code and links: as written in Markdown, as elements in
    /// HTML; raw HTML and links that are not http, https or mailto never come through live.
    func testIncidentReportKeepsTheBodysStructure() throws {
        let repo = try structuredRepository()
        let markdown = try CLI.aftermath(["report", "PM-2026-003"] + today, in: repo.url)
        XCTAssertEqual(markdown.status, 0, markdown.stderr)
        XCTAssertTrue(markdown.stdout.contains("""
        ## Lessons

        - Silent failures hide *for weeks*:
          - nested **one** with `a<b>` code
          - nested two, see [the runbook](https://runbooks.example/a_(b)) and [bad]\\(javascript:alert(1)) and ![img]\\(data:image/png;base64,AAA)
        * Star item &lt;script>alert(1)&lt;/script>
        1. First numbered
        2. Second numbered

        ```sh
        if [ "$a" < 3 ]; then echo "&amp;"; fi
        ```

        \\[ref]: javascript:alert(2)
        See [the ref][ref] and mail [us](mailto:sec@acme.example).
        &lt;img src=x onerror=alert(4)>
        """), markdown.stdout)
        XCTAssertFalse(markdown.stdout.contains("<script"))

        let html = try CLI.aftermath(["report", "PM-2026-003", "--format", "html"] + today, in: repo.url)
        XCTAssertEqual(html.status, 0, html.stderr)
        XCTAssertTrue(html.stdout.contains("""
        <h2>Lessons</h2>
        <ul><li>Silent failures hide <em>for weeks</em>:<ul><li>nested <strong>one</strong> with <code>a&lt;b&gt;</code> code</li>\
        <li>nested two, see <a href="https://runbooks.example/a_%28b%29">the runbook</a> and bad and img</li></ul></li></ul>\
        <ul><li>Star item &lt;script&gt;alert(1)&lt;/script&gt;</li></ul><ol><li>First numbered</li><li>Second numbered</li></ol>\
        <pre><code class="language-sh">if [ &quot;$a&quot; &lt; 3 ]; then echo &quot;&amp;amp;&quot;; fi
        </code></pre><p>See the ref and mail <a href="mailto:sec@acme.example">us</a>. &lt;img src=x onerror=alert(4)&gt;</p>
        """), html.stdout)
        for live in ["<script", "<img", "javascript:", "data:image", "onerror=alert(4)>"] {
            XCTAssertFalse(html.stdout.contains(live), live)
        }
    }

    /// A body written with CRLF line ends keeps its structure too.
    func testIncidentReportOfACRLFBody() throws {
        let repo = try structuredRepository()
        try repo.write(HostileExamples.postmortem, try repo.read(HostileExamples.postmortem).replacingOccurrences(of: "\n", with: "\r\n"))
        let html = try CLI.aftermath(["report", "PM-2026-003", "--format", "html"] + today, in: repo.url)
        XCTAssertEqual(html.status, 0, html.stderr)
        XCTAssertTrue(html.stdout.contains("<ol><li>First numbered</li><li>Second numbered</li></ol>"), html.stdout)
        let markdown = try CLI.aftermath(["report", "PM-2026-003"] + today, in: repo.url)
        XCTAssertTrue(markdown.stdout.contains("* Star item &lt;script>alert(1)&lt;/script>\n1. First numbered\n"), markdown.stdout)
    }

    /// Captions and timeline cells hold Markdown (code spans, emphasis): rendered in HTML, not
    /// shown with their backticks.
    func testHTMLRendersInlineMarkdownInCaptionsAndTimelineCells() throws {
        let repo = try TemporaryDirectory.examples()
        let body = try repo.read(HostileExamples.postmortem).replacingOccurrences(
            of: "Incident declared, sev1, data breach suspected", with: "Incident declared (`sev1`), **breach** suspected <b>x</b> [l](javascript:alert(5))")
        try repo.write(HostileExamples.postmortem, body)
        let incident = try CLI.aftermath(["report", "PM-2026-003", "--format", "html"] + today, in: repo.url)
        XCTAssertTrue(incident.stdout.contains(
            "<td class=\"wrap\">Incident declared (<code>sev1</code>), <strong>breach</strong> suspected &lt;b&gt;x&lt;/b&gt; l</td>"), incident.stdout)
        let markdown = try CLI.aftermath(["report", "PM-2026-003"] + today, in: repo.url)
        XCTAssertTrue(markdown.stdout.contains("| 2026-09-14 10:05 | Incident declared (`sev1`), **breach** suspected &lt;b>x&lt;/b> [l]\\(javascript:alert(5)) |"), markdown.stdout)
        let review = try report(["--format", "html"]).stdout
        XCTAssertTrue(review.contains("<caption>Findings that repeat earlier ones (<code>related</code>)</caption>"), review)
        XCTAssertTrue(review.contains("<caption>Time to detect runs from <code>started_at</code>; contain and recover from <code>detected_at</code></caption>"))
        XCTAssertFalse(review.contains("<caption>Findings that repeat earlier ones (`related`)"))
    }

    /// A finding with several bugs links each to its own target; a bug whose tracker makes a
    /// `javascript:` or `data:` URL is text.
    func testEachBugIsItsOwnLinkAndOnlySafeTargetsAreLinks() throws {
        let repo = try TemporaryDirectory.examples()
        try HostileExamples.addScriptTrackers(repo)
        try HostileExamples.set(repo, HostileExamples.finding, "bugs", "bugs: [JIRA:SEC-224, 'EVIL:x', 'BLOB:y', 'github:acme/x#1']")
        try HostileExamples.set(repo, HostileExamples.item, "bug", "bug: 'EVIL:z'")
        let markdown = try CLI.aftermath(["report", "PM-2026-003"] + today, in: repo.url)
        XCTAssertEqual(markdown.status, 0, markdown.stderr)
        XCTAssertTrue(markdown.stdout.contains(
            "| bob | open | [JIRA:SEC-224](https://jira.acme.example/browse/SEC-224), EVIL:x, BLOB:y, [github:acme/x#1](https://github.com/acme/x/issues/1) |"), markdown.stdout)
        let html = try CLI.aftermath(["report", "PM-2026-003", "--format", "html"] + today, in: repo.url)
        XCTAssertTrue(html.stdout.contains("""
        <a href="https://jira.acme.example/browse/SEC-224">JIRA:SEC-224</a>, EVIL:x, BLOB:y, <a href="https://github.com/acme/x/issues/1">github:acme/x#1</a>
        """), html.stdout)
        let review = try CLI.aftermath(["report", "--no-history"] + today, in: repo.url)
        let digest = try CLI.aftermath(["digest"] + today, in: repo.url)
        for output in [markdown, html, review, digest] {
            XCTAssertEqual(output.status, 0, output.stderr)
            XCTAssertFalse(output.stdout.contains("javascript:"), output.stdout)
            XCTAssertFalse(output.stdout.contains("data:text"), output.stdout)
        }
        XCTAssertTrue(review.stdout.contains("| R-2026-003-03 | bob | 2026-09-25 | **6** | PM-2026-003 | Remove console write access to production storage | EVIL:z |"), review.stdout)
        XCTAssertTrue(digest.stdout.contains("Remove console write access to production storage — EVIL:z · PM-2026-003"), digest.stdout)
    }

    /// Titles and other document text are text in every report: no tag, link, emphasis or
    /// terminal control gets through.
    func testTitlesAreEscapedInEveryReport() throws {
        let repo = try TemporaryDirectory.examples()
        try HostileExamples.set(repo, HostileExamples.item, "title", #"title: "<script>alert(1)</script> *bold* [x](javascript:alert(2)) \e]0;t\a""#)
        let shown = #"&lt;script>alert(1)&lt;/script> \*bold\* \[x\](javascript:alert(2)) \u{1b}\]0;t\u{7}"#
        let review = try CLI.aftermath(["report", "--no-history"] + today, in: repo.url)
        XCTAssertTrue(review.stdout.contains("| PM-2026-003 | \(shown) | [JIRA:SEC-225]"), review.stdout)
        let incident = try CLI.aftermath(["report", "PM-2026-003"] + today, in: repo.url)
        XCTAssertTrue(incident.stdout.contains("| 2026-09-25 | \(shown) | [JIRA:SEC-225]"), incident.stdout)
        let digest = try CLI.aftermath(["digest", "--owner", "bob"] + today, in: repo.url)
        XCTAssertTrue(digest.stdout.contains("(open, due 2026-09-25): \(shown) — [JIRA:SEC-225]"), digest.stdout)
        let html = try CLI.aftermath(["report", "PM-2026-003", "--format", "html"] + today, in: repo.url)
        XCTAssertTrue(html.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt; *bold* [x](javascript:alert(2)) \\u{1b}]0;t\\u{7}"), html.stdout)
        for output in [review, incident, digest, html] {
            XCTAssertEqual(output.status, 0, output.stderr)
            XCTAssertFalse(output.stdout.contains("<script"))
            XCTAssertFalse(output.stdout.contains("\u{1B}") || output.stdout.contains("\u{07}"), "no raw ESC or BEL")
        }
    }

    // MARK: Figures

    /// Time to close counts only items seen open before they were closed, and says how many
    /// were left out; "closed since" names what it lists.
    func testTimeToCloseCountsOnlyItemsSeenOpen() throws {
        let repo = try TemporaryDirectory.examples()
        func commit(_ message: String, at date: String) throws {
            let env = ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date]
            if !FileManager.default.fileExists(atPath: repo.path(".git").path) { try CLI.git(["init", "-q", "-b", "main"], in: repo.url) }
            try CLI.git(["add", "-A"], in: repo.url)
            XCTAssertEqual(try CLI.git(["commit", "-q", "-m", message], in: repo.url, environment: env).status, 0)
        }
        try commit("import", at: "2026-09-01T12:00:00Z")
        let item = try repo.read(HostileExamples.item).replacingOccurrences(of: "status: open", with: "status: done\nresolved_at: 2026-09-11\nresolution: Removed.")
        try repo.write(HostileExamples.item, item)
        try commit("close R-2026-003-03", at: "2026-09-11T12:00:00Z")
        let text = try CLI.aftermath(["report", "--since", "2026-09-10"] + today, in: repo.url)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("""
        ## Time to close

        1 remediation item seen open, then closed: median 10.0 days, 90th percentile 10.0 days (from git history). \
        5 items were already closed when first committed and are left out.
        """), text.stdout)
        XCTAssertTrue(text.stdout.contains("## Remediation items closed since 2026-09-10\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("| R-2026-003-03 | done | bob | Remove console write access to production storage |"), text.stdout)
    }

    /// Skipping history on purpose is said as such, not as history that is missing.
    func testNoHistorySaysHistoryWasNotRead() throws {
        let text = try report(["--no-history"]).stdout
        XCTAssertFalse(text.contains("No git history with closed items is available"), text)
        XCTAssertTrue(text.contains("## Time to close\n\nGit history was not read (--no-history): time to close is not computed.\n"), text)
        XCTAssertTrue(text.contains("## Due dates pushed back\n\nGit history was not read (--no-history): due dates pushed back are not computed.\n"), text)
    }

    /// Charts count items: every axis tick is a whole number. Dates and IDs keep to one line.
    func testDashboardTicksAreWholeAndDatesDoNotWrap() throws {
        let html = try report(["--format", "html"]).stdout
        let ticks = try NSRegularExpression(pattern: #"text-anchor="end" font-size="11" fill="currentColor">([^<]*)</text>"#)
        let labels = ticks.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { Range($0.range(at: 1), in: html).map { String(html[$0]) } }
        XCTAssertFalse(labels.isEmpty)
        XCTAssertTrue(labels.allSatisfy { Int($0) != nil }, "\(labels)")
        XCTAssertTrue(html.contains("th,td{white-space:nowrap}td.wrap{white-space:normal}"), "cells keep to one line unless marked")
        XCTAssertTrue(html.contains("<td>R-2026-003-03</td><td>bob</td><td>2026-09-25</td>"), "IDs and dates are not marked to wrap")
        XCTAssertTrue(html.contains("<td class=\"wrap\">Remove console write access to production storage</td>"), "titles may wrap")
    }
}
