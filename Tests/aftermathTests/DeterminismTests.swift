import XCTest
import Foundation

/// The same repository gives byte-identical results whatever the thread count or snapshot
/// (working tree or git), on a generated corpus with sprinkled errors.
final class DeterminismTests: XCTestCase {
    func testResultsDoNotDependOnThreadsOrSnapshot() throws {
        let dir = try TemporaryDirectory()
        let corpus = dir.path("corpus")
        let generated = try CLI.run("/usr/bin/env", ["python3", CLI.packageRoot.appendingPathComponent("Benchmarks/generate_corpus.py").path,
                                                     corpus.path, "--documents", "1600", "--errors", "12", "--seed", "7"], in: dir.url)
        XCTAssertEqual(generated.status, 0, generated.stderr)
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
