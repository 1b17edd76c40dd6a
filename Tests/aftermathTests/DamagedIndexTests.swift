import XCTest
import Foundation

/// A damaged `.git/index` in a real repository: the working tree is still judged exactly as a
/// full run judges it (the index only spares hashing files whose stat data it matches), and
/// the staged snapshot, which is what the index records, is a clear error.
final class DamagedIndexTests: XCTestCase {
    func testADamagedIndexGivesAFullRunsResultOrAClearError() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        let today = ["--today", "2026-10-01", "--format", "json"]
        let full = try CLI.aftermath(["validate"] + today, in: repo.url, environment: ["AFTERMATH_NO_CACHE": "1"])
        XCTAssertEqual(full.status, 0, full.stderr)
        XCTAssertEqual(try CLI.aftermath(["validate"] + today, in: repo.url).stdout, full.stdout, "the summary is written")
        let index = repo.path(".git/index")
        let bytes = Array(try Data(contentsOf: index))
        var state: UInt64 = 2026
        for round in 0..<12 {
            var damaged = bytes
            for _ in 0..<3 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                damaged[Int((state >> 33) % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: state >> 13)
            }
            guard damaged != bytes else { continue }
            try Data(damaged).write(to: index)
            let workingTree = try CLI.aftermath(["validate"] + today, in: repo.url)
            XCTAssertEqual(workingTree.stdout, full.stdout, "round \(round): \(workingTree.stderr)")
            let staged = try CLI.aftermath(["validate", "--staged"] + today, in: repo.url)
            XCTAssertEqual(staged.status, 4, "round \(round): \(staged.stdout)")
            XCTAssertTrue(staged.stderr.hasPrefix("aftermath: error: cannot read the index"), "round \(round): \(staged.stderr)")
        }
    }
}
