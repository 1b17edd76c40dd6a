import XCTest
import Foundation

/// The summary under .git/aftermath/: same results with and without it, and a damaged
/// summary is detected and rebuilt, never trusted.
final class SummaryCacheTests: XCTestCase {
    let today = ["--today", "2026-10-01", "--format", "json"]

    func testResultsAreIdenticalWithAndWithoutTheSummaryAndAfterCorruption() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.write("postmortems/PM-2026-004-password-reset-delay/findings/F-2026-004-03-x.md",
                       try Data(contentsOf: CLI.packageRoot.appendingPathComponent("examples/broken/unknown-owner.md")))
        try repo.commitAll()
        let folder = repo.path(".git/aftermath")
        let uncached = try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: repo.url, environment: ["AFTERMATH_NO_CACHE": "1"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "AFTERMATH_NO_CACHE=1 writes nothing")
        let cold = try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: repo.url)
        let summaryName = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .first { $0.hasPrefix("summary-v") }, "a full run leaves a summary")
        let summaryFile = repo.path(".git/aftermath/\(summaryName)")
        let warm = try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: repo.url)
        XCTAssertEqual(uncached.status, 1)
        XCTAssertEqual(cold.stdout, uncached.stdout)
        XCTAssertEqual(warm.stdout, uncached.stdout)
        XCTAssertEqual(try CLI.aftermath(["validate", "--staged"] + today, in: repo.url).stdout, uncached.stdout)
        XCTAssertEqual(try CLI.aftermath(["validate"] + today, in: repo.url).stdout, uncached.stdout)

        var damages: [(String, (inout [UInt8]) -> Void)] = []
        damages.append(("flipped byte", { $0[$0.count / 2] ^= 0xFF }))
        damages.append(("truncated", { $0.removeLast($0.count / 3) }))
        damages.append(("garbage", { $0 = Array("not a cache at all".utf8) }))
        damages.append(("empty", { $0 = [] }))
        damages.append(("other version", { $0[16] &+= 1 }))
        for (name, damage) in damages {
            try? FileManager.default.removeItem(at: summaryFile)
            XCTAssertEqual(try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: repo.url).stdout, uncached.stdout)
            var bytes = Array(try Data(contentsOf: summaryFile))
            damage(&bytes)
            try Data(bytes).write(to: summaryFile)
            let after = try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: repo.url)
            XCTAssertEqual(after.stdout, uncached.stdout, name)
            XCTAssertNotEqual(Array(try Data(contentsOf: summaryFile)), bytes, "\(name): rebuilt")
            let rebuilt = try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: repo.url)
            XCTAssertEqual(rebuilt.stdout, uncached.stdout, "\(name): the rebuilt summary gives the same results")
        }
    }

    /// `list` reads the documents it shows (and their findings and postmortems, for the
    /// severity, postmortem and category columns) from the summary's listed fields, re-reading
    /// only what changed: every view must be what reading every file gives.
    func testListingsFromTheSummaryMatchAFullRead() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        XCTAssertEqual(try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: repo.url).status, 0)
        XCTAssertEqual(try CLI.aftermath(["validate", "--today", "2026-10-01"], in: repo.url).status, 0)
        // `digest` reads as `list` does (open remediation items and what they link to), and the
        // review report too (every document).
        let views: [[String]] = [
            [], ["--all"], ["--format", "json", "--all"], ["--kind", "finding", "--format", "csv"], ["--kind", "postmortem", "--all"],
            ["--group-by", "team"], ["--group-by", "postmortem", "--all", "--format", "markdown"], ["--group-by", "category", "--kind", "finding", "--all"],
            ["--severity", "sev1", "--severity", "sev3", "--all"], ["--postmortem", "PM-2026-003", "--all"], ["--sort", "severity", "--all"],
        ]
        func compare(_ when: String) throws {
            let reports: [[String]] = [["report", "--no-history"], ["report", "--since", "2026-09-15"], ["report", "--format", "html"]]
            for view in views.map({ ["list"] + $0 }) + [["digest"], ["digest", "--owner", "bob"]] + reports {
                let arguments = view + ["--today", "2026-10-01"]
                let full = try CLI.aftermath(arguments, in: repo.url, environment: ["AFTERMATH_NO_CACHE": "1", "COLUMNS": "200"])
                XCTAssertEqual(full.status, 0, full.stderr)
                XCTAssertTrue(full.stdout.contains("PM-2026-"), "\(view): the postmortem column or IDs show")
                XCTAssertTrue(view[0] != "digest" || full.stdout.contains("OVERDUE"), "\(view): a digest with overdue items")
                for revision in [[], ["--staged"]] {
                    let summarised = try CLI.aftermath(arguments + revision, in: repo.url, environment: ["COLUMNS": "200"])
                    let reference = revision.isEmpty ? full : try CLI.aftermath(arguments + revision, in: repo.url, environment: ["AFTERMATH_NO_CACHE": "1", "COLUMNS": "200"])
                    XCTAssertEqual(summarised.stdout, reference.stdout, "\(when): \(view) \(revision)")
                }
            }
        }
        try compare("unchanged")
        // A changed item, a changed finding and postmortem above unchanged items, a new item.
        let folder = "postmortems/PM-2026-003-export-bucket-exposure"
        let item = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: repo.path(folder + "/remediations").path).sorted().first)
        let itemText = try repo.read(folder + "/remediations/" + item)
        try repo.write(folder + "/remediations/" + item, itemText.replacingOccurrences(of: "status: done", with: "status: in-progress"))
        let pm = try repo.read(folder + "/postmortem.md")
        try repo.write(folder + "/postmortem.md", pm.replacingOccurrences(of: "severity: sev1", with: "severity: sev3"))
        let finding = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: repo.path(folder + "/findings").path).sorted().first)
        let findingText = try repo.read(folder + "/findings/" + finding)
        try repo.write(folder + "/findings/" + finding, findingText.replacingOccurrences(of: "category: attack-vector", with: "category: process-flaw"))
        XCTAssertNotEqual(try repo.read(folder + "/postmortem.md"), pm)
        XCTAssertNotEqual(try repo.read(folder + "/findings/" + finding), findingText)
        XCTAssertNotEqual(try repo.read(folder + "/remediations/" + item), itemText)
        try compare("changed")
        try CLI.git(["add", "-A"], in: repo.url)
        try compare("staged")
    }

    /// A summary of another format version is never read, and the first summary written by this
    /// build removes it (an upgrade leaves no stale tens of megabytes); other files stay.
    func testSummariesOfOtherVersionsAreRemoved() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        let folder = repo.path(".git/aftermath")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["summary-v1", "summary-v99", "folders-v0", "notes.txt"] { try Data("stale".utf8).write(to: folder.appendingPathComponent(name)) }
        XCTAssertEqual(try CLI.aftermath(["validate"] + today, in: repo.url).status, 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(left.count, 3, "\(left)")
        XCTAssertTrue(left.contains("notes.txt"))
        XCTAssertTrue(left.contains { $0.hasPrefix("summary-v") && $0 != "summary-v1" && $0 != "summary-v99" }, "\(left)")
        XCTAssertTrue(left.contains { $0.hasPrefix("folders-v") && $0 != "folders-v0" }, "\(left)")
    }

    /// The working tree's folder listings (`folders-v1`, beside the summary) spare a walk the
    /// folders that did not change; a run after documents were added, removed or moved in
    /// folders listed earlier, or with the listings damaged, gives what a run without them
    /// gives. (The folders are left to settle first: listings of a folder changed within two
    /// seconds of the walk are not trusted, see FolderMemoryTests.)
    func testFolderListingsNeverHideAChange() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        let listings = repo.path(".git/aftermath/folders-v1")
        func validate() throws -> String { try CLI.aftermath(["validate"] + today, in: repo.url).stdout }
        func uncached() throws -> String {
            try CLI.aftermath(["validate"] + today, in: repo.url, environment: ["AFTERMATH_NO_CACHE": "1"]).stdout
        }
        usleep(2_500_000)
        XCTAssertEqual(try validate(), try uncached())
        let written = try Data(contentsOf: listings)
        XCTAssertEqual(try validate(), try uncached())
        XCTAssertEqual(try Data(contentsOf: listings), written, "nothing new: not written again")

        let findings = "postmortems/PM-2026-004-password-reset-delay/findings"
        try repo.write(findings + "/F-2026-004-03-x.md", try Data(contentsOf: CLI.packageRoot.appendingPathComponent("examples/broken/unknown-owner.md")))
        let added = try validate()
        XCTAssertTrue(added.contains("F-2026-004-03-x.md"), "the added document is read")
        XCTAssertEqual(added, try uncached())
        let moved = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: repo.path(findings).path).sorted().first)
        try FileManager.default.moveItem(at: repo.path(findings + "/" + moved), to: repo.path("postmortems/" + moved))
        XCTAssertEqual(try validate(), try uncached())
        for damage in ["flipped byte", "garbage"] {
            var bytes = Array(try Data(contentsOf: listings))
            if damage == "garbage" { bytes = Array("not listings".utf8) } else { bytes[bytes.count / 2] ^= 0xFF }
            try Data(bytes).write(to: listings)
            XCTAssertEqual(try validate(), try uncached(), damage)
        }
    }

    /// A listing with no summary to start from reads everything once, by a full validation
    /// that leaves a summary: the next listing reads only what changed, with the same output.
    func testAFirstListingLeavesASummaryForTheNext() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        let folder = repo.path(".git/aftermath")
        let arguments = ["list", "--all", "--format", "json", "--today", "2026-10-01"]
        let full = try CLI.aftermath(arguments, in: repo.url, environment: ["AFTERMATH_NO_CACHE": "1"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "AFTERMATH_NO_CACHE=1 writes nothing")
        for command in [arguments, ["digest", "--today", "2026-10-01"]] {
            try? FileManager.default.removeItem(at: folder)
            let first = try CLI.aftermath(command, in: repo.url)
            XCTAssertEqual(first.status, 0, first.stderr)
            XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: folder.path).contains { $0.hasPrefix("summary-v") },
                          "\(command[0]) left a summary")
            XCTAssertEqual(try CLI.aftermath(command, in: repo.url).stdout, first.stdout, "\(command[0]) through the summary")
            if command == arguments { XCTAssertEqual(first.stdout, full.stdout) }
        }
        // The summary it left serves validation too, with validation's result.
        let validated = try CLI.aftermath(["validate", "--format", "json", "--today", "2026-10-01"], in: repo.url)
        XCTAssertEqual(validated.stdout, try CLI.aftermath(["validate", "--format", "json", "--today", "2026-10-01"], in: repo.url,
                                                            environment: ["AFTERMATH_NO_CACHE": "1"]).stdout)
    }

    /// Commands about one document (show, close, set, an incident report) with no summary to start from validate
    /// in full and leave one, then read through it: the same output as without summaries, and
    /// when none can be written (here `.git/aftermath` is a file), still the same output.
    func testCommandsAboutOneDocumentLeaveASummary() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        let folder = repo.path(".git/aftermath")
        let today = ["--today", "2026-10-01"]
        let commands: [[String]] = [
            ["show", "R-2026-003-02", "--format", "json"], ["show", "PM-2026-001"],
            ["close", "PM-2026-003", "--by", "farah", "--date", "2026-10-01", "--dry-run"],
            ["set", "R-2026-003-02", "status=done", "resolved_at=2026-09-30", "resolution=Config rule pages security.", "--dry-run"],
            ["report", "PM-2026-003"], ["report", "PM-2026-001", "--format", "html"],
        ]
        for command in commands.map({ $0 + today }) {
            let reference = try CLI.aftermath(command, in: repo.url, environment: ["AFTERMATH_NO_CACHE": "1"])
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "AFTERMATH_NO_CACHE=1 writes nothing")
            let first = try CLI.aftermath(command, in: repo.url)
            XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: folder.path).contains { $0.hasPrefix("summary-v") },
                          "\(command[0]) left a summary")
            let second = try CLI.aftermath(command, in: repo.url)
            for (run, name) in [(first, "first"), (second, "through the summary")] {
                XCTAssertEqual(run.status, reference.status, "\(command) \(name)")
                XCTAssertEqual(run.stdout, reference.stdout, "\(command) \(name)")
                XCTAssertEqual(run.stderr, reference.stderr, "\(command) \(name)")
            }
            try FileManager.default.removeItem(at: folder)
            try Data("in the way".utf8).write(to: folder)
            let unwritable = try CLI.aftermath(command, in: repo.url)
            XCTAssertEqual(unwritable.stdout, reference.stdout, "\(command) with no summary written")
            XCTAssertEqual(unwritable.status, reference.status, "\(command) with no summary written")
            XCTAssertEqual(try String(contentsOf: folder, encoding: .utf8), "in the way")
            try FileManager.default.removeItem(at: folder)
        }
        XCTAssertTrue(try repo.read("postmortems/PM-2026-003-export-bucket-exposure/postmortem.md").contains("status: published"), "dry runs wrote nothing")
        // Through a summary of an earlier state: an item of the postmortem changed since.
        XCTAssertEqual(try CLI.aftermath(["validate"] + today, in: repo.url).status, 0)
        let item = "postmortems/PM-2026-003-export-bucket-exposure/remediations/R-2026-003-02-nightly-public-bucket-scan.md"
        let text = try repo.read(item)
        try repo.write(item, text.replacingOccurrences(of: "owner: alice", with: "owner: carol"))
        XCTAssertNotEqual(try repo.read(item), text)
        for command in [["report", "PM-2026-003"], ["show", "PM-2026-003"], ["show", "R-2026-003-02", "--format", "json"]].map({ $0 + today }) {
            let reference = try CLI.aftermath(command, in: repo.url, environment: ["AFTERMATH_NO_CACHE": "1"])
            let summarised = try CLI.aftermath(command, in: repo.url)
            XCTAssertEqual(summarised.stdout, reference.stdout, "\(command) after an edit")
            XCTAssertEqual(summarised.status, reference.status, "\(command) after an edit")
        }
    }

    /// A summary records what the rules' code found, so another build of the tool (here, a
    /// copy of the binary: another file) does not use it, and writes its own.
    func testASummaryFromAnotherBuildIsNotUsed() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        let copy = repo.path("aftermath-copy")
        try FileManager.default.copyItem(at: CLI.binary, to: copy)
        XCTAssertEqual(try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: repo.url).status, 0)
        let folder = repo.path(".git/aftermath")
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("summary-v") })
        let ours = try Data(contentsOf: folder.appendingPathComponent(name))
        let other = try CLI.run(copy.path, ["validate", "--rev", "HEAD"] + today, in: repo.url)
        XCTAssertEqual(other.status, 0, other.stderr)
        let theirs = try Data(contentsOf: folder.appendingPathComponent(name))
        XCTAssertNotEqual(theirs, ours, "the other build validated in full and wrote its own summary")
        XCTAssertEqual(try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: repo.url).stdout, other.stdout)
    }

    /// Results follow the rules, not a stale summary: a changed schema changes the fingerprint.
    func testASummaryFromOtherRulesIsNotUsed() throws {
        let repo = try TemporaryDirectory.examples()
        XCTAssertEqual(try CLI.aftermath(["init"], in: repo.url).status, 0)
        try repo.commitAll()
        XCTAssertEqual(try CLI.aftermath(["validate", "--rev", "HEAD", "--today", "2026-10-01"], in: repo.url).status, 0)
        let schema = try repo.read("schema/finding.schema.json")
        try repo.write("schema/finding.schema.json", schema.replacingOccurrences(of: "\"maxLength\": 200", with: "\"maxLength\": 20"))
        try repo.commitAll("shorter titles")
        let result = try CLI.aftermath(["validate", "--rev", "HEAD", "--today", "2026-10-01"], in: repo.url)
        XCTAssertEqual(result.status, 1, "the summary made under the old schema must not be reused")
        XCTAssertTrue(result.stderr.contains("must be at most 20 characters"), result.stderr)
    }
}
