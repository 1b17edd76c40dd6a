import XCTest
import Foundation

/// Values that name nothing the repository knows are usage errors (64) with the closest known
/// value, never an empty listing or a git error that looks like good news.
final class UsageErrorTests: XCTestCase {
    let today = ["--today", "2026-10-01"]

    func assertUsageError(_ arguments: [String], in repo: URL, suggesting suggestion: String?, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try CLI.aftermath(arguments + today, in: repo)
        XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)", file: file, line: line)
        XCTAssertTrue(result.stdout.isEmpty, result.stdout, file: file, line: line)
        if let suggestion {
            XCTAssertTrue(result.stderr.contains("did you mean `\(suggestion)`?"), "\(arguments): \(result.stderr)", file: file, line: line)
        }
    }

    func testListFiltersNamingNothingAreUsageErrors() throws {
        let repo = try TemporaryDirectory.examples()
        try assertUsageError(["list", "--postmortem", "PM-2026-099"], in: repo.url, suggesting: nil)
        try assertUsageError(["list", "--postmortem", "PM-2026-00"], in: repo.url, suggesting: "PM-2026-001")
        try assertUsageError(["list", "--postmortem", "F-2026-001-01"], in: repo.url, suggesting: nil)
        try assertUsageError(["list", "--category", "manual-eror"], in: repo.url, suggesting: "manual-error")
        try assertUsageError(["list", "--status", "finished"], in: repo.url, suggesting: nil)
        try assertUsageError(["list", "--status", "don"], in: repo.url, suggesting: "done")
        try assertUsageError(["list", "--kind", "postmortem", "--status", "publshed"], in: repo.url, suggesting: "published")
        try assertUsageError(["list", "--severity", "sev9"], in: repo.url, suggesting: nil)
        try assertUsageError(["list", "--owner", "nobody"], in: repo.url, suggesting: nil)
        try assertUsageError(["list", "--team", "secuirty"], in: repo.url, suggesting: "security")
        try assertUsageError(["list", "--sort", "dew"], in: repo.url, suggesting: nil)
        try assertUsageError(["list", "--group-by", "ownr"], in: repo.url, suggesting: nil)
        try assertUsageError(["list", "--kind", "postmortm"], in: repo.url, suggesting: nil)
    }

    /// Known values still list, even when no listed document holds them.
    func testKnownFilterValuesStillList() throws {
        let repo = try TemporaryDirectory.examples()
        for arguments in [["list", "--postmortem", "PM-2026-001"], ["list", "--status", "wont-fix"], ["list", "--category", "attack-vector"],
                          ["list", "--severity", "sev4"], ["list", "--kind", "postmortem", "--status", "closed"]] {
            let result = try CLI.aftermath(arguments + today, in: repo.url)
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
        }
    }

    /// In git, through the summary a first run leaves, the answer is the same.
    func testAnUnknownPostmortemIsAUsageErrorThroughTheSummaryToo() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        XCTAssertEqual(try CLI.aftermath(["validate"] + today, in: repo.url).status, 0)
        try assertUsageError(["list", "--postmortem", "PM-2026-099"], in: repo.url, suggesting: nil)
        XCTAssertEqual(try CLI.aftermath(["list", "--postmortem", "PM-2026-001"] + today, in: repo.url).status, 0)
    }

    func testDigestOfNoOneIsAUsageError() throws {
        let repo = try TemporaryDirectory.examples()
        try assertUsageError(["digest", "--owner", "nobody"], in: repo.url, suggesting: nil)
        try assertUsageError(["digest", "--owner", "alcie"], in: repo.url, suggesting: "alice")
    }

    func testARangeThatIsNotARangeIsAUsageError() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        try assertUsageError(["validate", "--range", "HEAD"], in: repo.url, suggesting: "HEAD~1..HEAD")
        try assertUsageError(["validate", "--range", "main...HEAD"], in: repo.url, suggesting: "main..HEAD")
        try assertUsageError(["validate", "--range", "..HEAD"], in: repo.url, suggesting: nil)
        // An unknown revision in a well-formed range stays a git error.
        XCTAssertEqual(try CLI.aftermath(["validate", "--range", "nosuch..HEAD"] + today, in: repo.url).status, 4)
    }
}
