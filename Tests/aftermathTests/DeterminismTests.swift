import XCTest
import Foundation

/// The same repository gives byte-identical results whatever the thread count or snapshot
/// (working tree or git), on a generated corpus with sprinkled errors.
final class DeterminismTests: XCTestCase {
    func testResultsDoNotDependOnThreadsOrSnapshot() throws {
        let dir = try TemporaryDirectory()
        let corpus = try dir.generatedCorpus(documents: 1600, errors: 12, seed: 7)
        let today = ["--today", "2026-10-01", "--format", "json"]
        let one = try CLI.aftermath(["validate", "--threads", "1"] + today, in: corpus)
        let two = try CLI.aftermath(["validate", "--threads", "2"] + today, in: corpus)
        let many = try CLI.aftermath(["validate", "--threads", "7"] + today, in: corpus)
        let rev = try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: corpus)
        let staged = try CLI.aftermath(["validate", "--staged"] + today, in: corpus)
        XCTAssertEqual(one.status, 1)
        XCTAssertEqual(one.stdout, two.stdout)
        XCTAssertEqual(one.stdout, many.stdout)
        XCTAssertEqual(one.stdout, rev.stdout)
        XCTAssertEqual(one.stdout, staged.stdout)
        let summary = (try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])?["summary"] as? [String: Any]
        XCTAssertEqual(summary?["errors"] as? Int, 12, "exactly the sprinkled errors")
        XCTAssertEqual(summary?["documents"] as? Int, 1600)
    }
}

/// Runs that start from the summary of an earlier run report exactly what full runs report,
/// through the real commands on a generated repository with staged edits of every kind.
final class IncrementalCommandTests: XCTestCase {
    func testIncrementalRunsMatchFullRuns() throws {
        let dir = try TemporaryDirectory()
        let corpus = try dir.generatedCorpus(documents: 800, errors: 0, seed: 11)
        let today = ["--today", "2026-10-01", "--format", "json"]
        let noCache = ["AFTERMATH_NO_CACHE": "1"]
        XCTAssertEqual(try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: corpus).status, 0)
        let summary = corpus.appendingPathComponent(".git/aftermath")
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: summary.path).contains { $0.hasPrefix("summary-v") })

        // Staged edits: a postmortem closed with open items, a finding deleted under its items, a
        // remediation pointed at a mistyped finding, a new document reusing an ID.
        let files = try FileManager.default.subpathsOfDirectory(atPath: corpus.appendingPathComponent("postmortems").path).sorted()
        func path(_ suffix: String, _ n: Int) -> String { "postmortems/" + files.filter { $0.hasSuffix(".md") && $0.contains(suffix) }[n] }
        let finding = path("/findings/", 7), item = path("/remediations/", 20)
        let openFinding = try XCTUnwrap(files.first { $0.contains("/findings/") && (try? String(contentsOf: corpus.appendingPathComponent("postmortems/" + $0), encoding: .utf8))?.contains("\nstatus: open") == true })
        let postmortem = "postmortems/" + openFinding.components(separatedBy: "/findings/")[0] + "/postmortem.md"
        try edit(corpus, postmortem) { $0.replacingOccurrences(of: #"\nstatus: \S+"#, with: "\nstatus: closed", options: .regularExpression) }
        try FileManager.default.removeItem(at: corpus.appendingPathComponent(finding))
        try edit(corpus, item) { $0.replacingOccurrences(of: #"\nfinding: (\S+)"#, with: "\nfinding: $1x", options: .regularExpression) }
        let copy = String(item.dropLast(3)) + "-again.md"
        try FileManager.default.copyItem(at: corpus.appendingPathComponent(path("/remediations/", 40)), to: corpus.appendingPathComponent(copy))
        _ = try CLI.git(["add", "-A"], in: corpus)

        let full = try CLI.aftermath(["validate", "--staged"] + today, in: corpus, environment: noCache)
        let summaryBytes = try summaryFile(corpus)
        let incremental = try CLI.aftermath(["validate", "--staged"] + today, in: corpus)
        XCTAssertEqual(try summaryFile(corpus), summaryBytes, "the run went through the summary (a full run would rewrite it)")
        XCTAssertEqual(full.status, 1)
        XCTAssertEqual(incremental.stdout, full.stdout)
        for rule in ["AM202", "AM201", "AM301"] { XCTAssertTrue(full.stdout.contains(rule), "the edits trigger \(rule)") }
        XCTAssertEqual(try CLI.aftermath(["validate", "--rev", "HEAD", "--threads", "1"] + today, in: corpus).stdout,
                       try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: corpus, environment: noCache).stdout)

        // The working tree: the staged edits plus one not staged, found through stat data.
        try edit(corpus, path("/remediations/", 60)) { $0.replacingOccurrences(of: #"\nowner: \S+"#, with: "\nowner: nobody-known", options: .regularExpression) }
        let fullTree = try CLI.aftermath(["validate"] + today, in: corpus, environment: noCache)
        let incrementalTree = try CLI.aftermath(["validate"] + today, in: corpus)
        XCTAssertEqual(try summaryFile(corpus), summaryBytes, "the working tree went through the summary too")
        let nextYear = ["--today", "2027-10-01", "--format", "json"]
        XCTAssertEqual(try CLI.aftermath(["validate"] + nextYear, in: corpus).stdout,
                       try CLI.aftermath(["validate"] + nextYear, in: corpus, environment: noCache).stdout, "a summary from another day")
        XCTAssertEqual(try summaryFile(corpus), summaryBytes, "and it still applies")
        XCTAssertEqual(incrementalTree.stdout, fullTree.stdout)
        XCTAssertTrue(fullTree.stdout.contains("nobody-known"), "the unstaged edit is seen")
        try edit(corpus, path("/remediations/", 60)) { $0.replacingOccurrences(of: "nobody-known", with: "nobody-knowx") }
        XCTAssertEqual(try CLI.aftermath(["validate"] + today, in: corpus).stdout,
                       try CLI.aftermath(["validate"] + today, in: corpus, environment: noCache).stdout, "an edit of the same size")

        // Listings drawn from the summary's listed fields and the changed files.
        let queries: [[String]] = [[], ["--all", "--kind", "finding", "--kind", "postmortem"], ["--group-by", "team", "--format", "json"],
                                   ["--overdue", "--sort", "severity", "--format", "csv"], ["--staged", "--format", "markdown"],
                                   ["--rev", "HEAD", "--all", "--format", "json"]]
        for query in queries {
            let listed = try CLI.aftermath(["list", "--today", "2026-10-01"] + query, in: corpus)
            XCTAssertEqual(listed.status, 0, listed.stderr)
            XCTAssertEqual(listed.stdout, try CLI.aftermath(["list", "--today", "2026-10-01"] + query, in: corpus, environment: noCache).stdout, "list \(query)")
        }
        XCTAssertEqual(try summaryFile(corpus), summaryBytes, "listings went through the summary")

        let hookToday = ["--today", "2026-10-01"]
        let fullHook = try CLI.aftermath(["hook", "pre-commit"] + hookToday, in: corpus, environment: noCache)
        let incrementalHook = try CLI.aftermath(["hook", "pre-commit"] + hookToday, in: corpus)
        XCTAssertEqual(fullHook.status, 1)
        XCTAssertEqual(incrementalHook.status, fullHook.status)
        XCTAssertEqual(incrementalHook.stderr, fullHook.stderr)
        XCTAssertTrue(fullHook.stderr.contains("AM503"), "the deleted finding is still linked: \(fullHook.stderr)")

        // A range of commits (the CI recipe and the push hook): each commit and its parent re-read
        // only where they differ from the summary.
        _ = try CLI.git(["commit", "-q", "-m", "edits"], in: corpus)
        try edit(corpus, path("/remediations/", 80)) { $0.replacingOccurrences(of: #"\nstatus: \S+"#, with: "\nstatus: done", options: .regularExpression) }
        _ = try CLI.git(["commit", "-q", "-am", "one more"], in: corpus)
        let rangeSummary = try summaryFile(corpus)
        let fullRange = try CLI.aftermath(["validate", "--range", "HEAD~2..HEAD"] + today, in: corpus, environment: noCache)
        let incrementalRange = try CLI.aftermath(["validate", "--range", "HEAD~2..HEAD"] + today, in: corpus)
        XCTAssertEqual(fullRange.status, 1)
        XCTAssertEqual(incrementalRange.stdout, fullRange.stdout)
        XCTAssertTrue(fullRange.stdout.contains("\"commit\": \""), "problems name their commits")
        XCTAssertEqual(try summaryFile(corpus), rangeSummary, "the range went through the summary")
    }

    /// The Aftermath root in a folder of the work tree: index entries, tree diffs and stat data
    /// are all relative to the work tree, and results to the Aftermath root.
    func testIncrementalRunsInAFolderOfTheWorkTree() throws {
        let dir = try TemporaryDirectory()
        let source = CLI.packageRoot.appendingPathComponent("examples")
        try FileManager.default.createDirectory(at: dir.path("docs"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: dir.path("docs/incidents"))
        try FileManager.default.removeItem(at: dir.path("docs/incidents/broken"))
        try dir.write("README.md", "The product.\n")
        try dir.commitAll()
        let root = dir.path("docs/incidents")
        let today = ["--today", "2026-10-01", "--format", "json"]
        let noCache = ["AFTERMATH_NO_CACHE": "1"]
        XCTAssertEqual(try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: root).status, 0)
        let summary = try summaryFile(dir.url)

        let item = "postmortems/PM-2026-003-export-bucket-exposure/remediations/R-2026-003-02-nightly-public-bucket-scan.md"
        try edit(root, item) { $0.replacingOccurrences(of: #"\nfinding: (\S+)"#, with: "\nfinding: F-2026-003-77", options: .regularExpression) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("postmortems/PM-2026-004-password-reset-delay/findings/F-2026-004-01-support-not-told.md"))
        _ = try CLI.git(["add", "-A"], in: dir.url)
        try edit(root, "postmortems/PM-2026-001-checkout-db-disk-full/postmortem.md") { $0 + "\nUnstaged.\n" }
        for arguments in [["validate"], ["validate", "--staged"], ["validate", "--rev", "HEAD"], ["list", "--all"], ["list", "--staged"]] {
            let full = try CLI.aftermath(arguments + today, in: root, environment: noCache)
            XCTAssertEqual(try CLI.aftermath(arguments + today, in: root).stdout, full.stdout, "\(arguments)")
        }
        XCTAssertTrue(try CLI.aftermath(["validate", "--staged"] + today, in: root).stdout.contains("F-2026-003-77"))
        XCTAssertEqual(try summaryFile(dir.url), summary, "every run went through the summary")
        let hook = try CLI.aftermath(["hook", "pre-commit", "--today", "2026-10-01"], in: root)
        let fullHook = try CLI.aftermath(["hook", "pre-commit", "--today", "2026-10-01"], in: root, environment: noCache)
        XCTAssertEqual(hook.status, 1)
        XCTAssertEqual(hook.stderr, fullHook.stderr)
    }

    /// Several roots (one inside another too): each document counts once, listings stay in order.
    func testIncrementalRunsWithSeveralRoots() throws {
        let repo = try TemporaryDirectory.examples()
        let config = try repo.read(".aftermath.yml").replacingOccurrences(of: "roots: [postmortems]", with: "roots: [postmortems, archive, postmortems/PM-2026-004-password-reset-delay]")
        try repo.write(".aftermath.yml", config)
        try FileManager.default.createDirectory(at: repo.path("archive"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: repo.path("postmortems/PM-2026-001-checkout-db-disk-full"), to: repo.path("archive/PM-2026-001-checkout-db-disk-full"))
        try repo.commitAll()
        let today = ["--today", "2026-10-01", "--format", "json"]
        XCTAssertEqual(try CLI.aftermath(["validate"] + today, in: repo.url).status, 0)
        let summary = try summaryFile(repo.url)
        try edit(repo.url, "archive/PM-2026-001-checkout-db-disk-full/findings/F-2026-001-01-wal-archiving-unalerted.md") {
            $0.replacingOccurrences(of: "\nstatus: resolved", with: "\nstatus: open")
        }
        XCTAssertTrue(try CLI.aftermath(["validate"] + today, in: repo.url).stdout.contains("AM301"), "a finding reopened under a closed postmortem")
        for arguments in [["validate"], ["validate", "--rev", "HEAD"], ["list", "--all"]] {
            let full = try CLI.aftermath(arguments + today, in: repo.url, environment: ["AFTERMATH_NO_CACHE": "1"])
            XCTAssertEqual(try CLI.aftermath(arguments + today, in: repo.url).stdout, full.stdout, "\(arguments)")
        }
        XCTAssertEqual(try summaryFile(repo.url), summary)
        let summaryJSON = try JSONSerialization.jsonObject(with: Data(try CLI.aftermath(["validate"] + today, in: repo.url).stdout.utf8)) as? [String: Any]
        XCTAssertEqual((summaryJSON?["summary"] as? [String: Any])?["documents"] as? Int, 22, "nested roots count each document once")
    }

    /// `close` and `set` read through the summary: the same refusals, blockers, writes and
    /// files as reading the whole repository, step by step.
    func testEditsThroughTheSummaryMatchEditsReadingEverything() throws {
        let cached = try TemporaryDirectory.examples(), whole = try TemporaryDirectory.examples()
        for repo in [cached, whole] { try repo.commitAll() }
        let today = ["--today", "2026-10-01"]
        XCTAssertEqual(try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: cached.url).status, 0)
        let summary = try summaryFile(cached.url)
        let steps: [[String]] = [
            ["close", "PM-2026-003", "--by", "farah", "--date", "2026-10-01"],
            ["set", "R-2026-003-02", "status=finished"],
            ["set", "R-2026-003-02", "status=done", "resolved_at=2026-09-30", "resolution=Config rule pages security."],
            ["set", "R-2026-003-03", "status=done", "resolved_at=2026-09-30", "resolution=SCP denies console writes."],
            ["close", "PM-2026-003", "--by", "farah", "--dry-run"],
            ["set", "R-2026-003-04", "status=wont-fix", "resolution=Covered by the SCP.", "approved_by=farah"],
            ["set", "F-2026-003-01", "status=resolved"], ["set", "F-2026-003-02", "status=resolved"], ["set", "F-2026-003-03", "status=resolved"],
            ["set", "F-2026-003-99", "status=resolved"],
            ["close", "PM-2026-003", "--by", "farah", "--date", "2026-10-01"],
        ]
        for step in steps {
            let viaSummary = try CLI.aftermath(step + today, in: cached.url)
            let reading = try CLI.aftermath(step + today, in: whole.url, environment: ["AFTERMATH_NO_CACHE": "1"])
            XCTAssertEqual(viaSummary.status, reading.status, "\(step): \(viaSummary.stderr)")
            XCTAssertEqual(viaSummary.stderr, reading.stderr, "\(step)")
        }
        XCTAssertTrue(try cached.read("postmortems/PM-2026-003-export-bucket-exposure/postmortem.md").contains("status: closed"))
        for path in try FileManager.default.subpathsOfDirectory(atPath: whole.path("postmortems").path) where path.hasSuffix(".md") {
            XCTAssertEqual(try cached.read("postmortems/" + path), try whole.read("postmortems/" + path), path)
        }
        for id in ["PM-2026-003", "F-2026-003-02", "R-2026-003-04", "PM-2026-001", "F-2026-004-01", "R-2026-009-01"] {
            for format in [["--format", "text"], ["--format", "json"]] {
                let viaSummary = try CLI.aftermath(["show", id] + format + today, in: cached.url)
                let reading = try CLI.aftermath(["show", id] + format + today, in: whole.url, environment: ["AFTERMATH_NO_CACHE": "1"])
                XCTAssertEqual(viaSummary.status, reading.status, "show \(id)")
                XCTAssertEqual(viaSummary.stdout, reading.stdout, "show \(id) \(format)")
                XCTAssertEqual(viaSummary.stderr, reading.stderr, "show \(id)")
            }
        }
        let news: [[String]] = [
            ["new", "postmortem", "--title", "Payment API latency spike", "--severity", "sev2", "--author", "bob", "--declared-at", "2026-10-05T12:00:00Z"],
            ["new", "finding", "--postmortem", "PM-2026-005", "--title", "No load shedding", "--category", "technical-lapse", "--owner", "sre", "--bug", "JIRA:PAY-1"],
            ["new", "remediation", "--finding", "F-2026-005-01", "--title", "Add load shedding", "--owner", "bob"],
            ["new", "remediation", "--finding", "F-2026-004-02", "--title", "Watch vendor notices", "--owner", "bob"],
            ["new", "finding", "--postmortem", "PM-2026-044", "--title", "x", "--category", "manual-error", "--owner", "bob", "--bug", "JIRA:A-1"],
        ]
        for step in news {
            let viaSummary = try CLI.aftermath(step + today, in: cached.url)
            let reading = try CLI.aftermath(step + today, in: whole.url, environment: ["AFTERMATH_NO_CACHE": "1"])
            XCTAssertEqual(viaSummary.status, reading.status, "\(step): \(viaSummary.stderr)")
            XCTAssertEqual(viaSummary.stdout, reading.stdout, "\(step)")
            XCTAssertEqual(viaSummary.stderr, reading.stderr, "\(step)")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: cached.path("postmortems/PM-2026-005-payment-api-latency-spike/remediations/R-2026-005-01-add-load-shedding.md").path))
        XCTAssertEqual(try summaryFile(cached.url), summary, "every step went through the summary")
    }

    private func summaryFile(_ root: URL) throws -> Data {
        let folder = root.appendingPathComponent(".git/aftermath")
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("summary-v") })
        return try Data(contentsOf: folder.appendingPathComponent(name))
    }

    private func edit(_ root: URL, _ path: String, _ change: (String) -> String) throws {
        let url = root.appendingPathComponent(path)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }
}
