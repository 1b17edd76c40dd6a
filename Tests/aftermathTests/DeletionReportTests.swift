import XCTest

/// Deleting a finding that remediation items link to is one AM503, at the deleted file, and
/// one AM202 per broken link, in each linking item — not two errors per link.
final class DeletionReportTests: XCTestCase {
    func testADeletionIsReportedOnceAndEachBrokenLinkWhereItStands() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        let finding = "postmortems/PM-2026-003-export-bucket-exposure/findings/F-2026-003-01-public-read-acl.md"
        try FileManager.default.removeItem(at: repo.path(finding))
        try repo.commitAll("delete a finding")
        let result = try CLI.aftermath(["validate", "--range", "HEAD~1..HEAD", "--format", "json"], in: repo.url)
        XCTAssertEqual(result.status, 1)
        let errors = try jsonDiagnostics(result).filter { $0["severity"] as? String == "error" }
        let deletions = errors.filter { $0["rule"] as? String == "AM503" }
        XCTAssertEqual(deletions.count, 1, "\(errors)")
        XCTAssertEqual(deletions.first?["path"] as? String, finding)
        XCTAssertEqual(deletions.first?["message"] as? String,
                       "F-2026-003-01 was deleted but 2 documents still link to it (R-2026-003-01, R-2026-003-02); delete or relink them in the same commit")
        let broken = errors.filter { $0["rule"] as? String == "AM202" }.compactMap { $0["path"] as? String }
        XCTAssertEqual(broken.sorted(), [
            "postmortems/PM-2026-003-export-bucket-exposure/remediations/R-2026-003-01-account-public-access-block.md",
            "postmortems/PM-2026-003-export-bucket-exposure/remediations/R-2026-003-02-nightly-public-bucket-scan.md",
        ])
    }
}
