import XCTest
import Foundation

/// The caches under .git/aftermath/ (the summary and the parse cache): same results with and
/// without them, and a damaged cache is detected and rebuilt, never trusted.
final class ParseCacheTests: XCTestCase {
    let today = ["--today", "2026-10-01", "--format", "json"]

    func testResultsAreIdenticalWithAndWithoutTheCacheAndAfterCorruption() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.write("postmortems/PM-2026-004-password-reset-delay/findings/F-2026-004-03-x.md",
                       try Data(contentsOf: CLI.packageRoot.appendingPathComponent("examples/broken/unknown-owner.md")))
        try repo.commitAll()
        let cacheFile = repo.path(".git/aftermath/parse-cache-v1")
        let uncached = try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: repo.url, environment: ["AFTERMATH_NO_CACHE": "1"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: cacheFile.path), "AFTERMATH_NO_CACHE=1 writes no cache")
        let cold = try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: repo.url)
        XCTAssertTrue(FileManager.default.fileExists(atPath: cacheFile.path))
        let warm = try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: repo.url)
        XCTAssertEqual(uncached.status, 1)
        XCTAssertEqual(cold.stdout, uncached.stdout)
        XCTAssertEqual(warm.stdout, uncached.stdout)
        XCTAssertEqual(try CLI.aftermath(["validate", "--staged"] + today, in: repo.url).stdout, uncached.stdout)

        // Each cache damaged in each way, from fresh caches: the summary (read first) and the
        // parse cache (read by full runs, so the summary is removed to make the run full).
        let summaryName = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: repo.path(".git/aftermath").path)
            .first { $0.hasPrefix("summary-v") }, "a full run leaves a summary")
        let summaryFile = repo.path(".git/aftermath/\(summaryName)")
        var damages: [(String, (inout [UInt8]) -> Void)] = []
        damages.append(("flipped byte", { $0[$0.count / 2] ^= 0xFF }))
        damages.append(("truncated", { $0.removeLast($0.count / 3) }))
        damages.append(("garbage", { $0 = Array("not a cache at all".utf8) }))
        damages.append(("empty", { $0 = [] }))
        for (damaged, versionOffset) in [(summaryFile, 16), (cacheFile, 6)] {
            for (name, damage) in damages + [("other version", { $0[versionOffset] &+= 1 })] {
                for file in [summaryFile, cacheFile] { try? FileManager.default.removeItem(at: file) }
                XCTAssertEqual(try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: repo.url).stdout, uncached.stdout)
                var bytes = Array(try Data(contentsOf: damaged))
                damage(&bytes)
                try Data(bytes).write(to: damaged)
                if damaged == cacheFile { try FileManager.default.removeItem(at: summaryFile) }
                let label = "\(damaged.lastPathComponent), \(name)"
                let after = try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: repo.url)
                XCTAssertEqual(after.stdout, uncached.stdout, label)
                XCTAssertNotEqual(Array(try Data(contentsOf: damaged)), bytes, "\(label): rebuilt")
                let rebuilt = try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: repo.url)
                XCTAssertEqual(rebuilt.stdout, uncached.stdout, "\(label): the rebuilt cache gives the same results")
            }
        }
    }

    /// Results follow the rules, not a stale cache: a changed schema changes the fingerprint.
    func testACacheFromOtherRulesIsNotUsed() throws {
        let repo = try TemporaryDirectory.examples()
        XCTAssertEqual(try CLI.aftermath(["init"], in: repo.url).status, 0)
        try repo.commitAll()
        XCTAssertEqual(try CLI.aftermath(["validate", "--rev", "HEAD", "--today", "2026-10-01"], in: repo.url).status, 0)
        let schema = try repo.read("schema/finding.schema.json")
        try repo.write("schema/finding.schema.json", schema.replacingOccurrences(of: "\"maxLength\": 200", with: "\"maxLength\": 20"))
        try repo.commitAll("shorter titles")
        let result = try CLI.aftermath(["validate", "--rev", "HEAD", "--today", "2026-10-01"], in: repo.url)
        XCTAssertEqual(result.status, 1, "the cached parse results of the old schema must not be reused")
        XCTAssertTrue(result.stderr.contains("must be at most 20 characters"), result.stderr)
    }
}
