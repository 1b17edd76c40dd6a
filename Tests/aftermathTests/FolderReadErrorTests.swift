import Foundation
import XCTest

/// A folder of the working tree that cannot be read to the end fails the run, naming the
/// folder: the documents after the break would otherwise go unchecked.
final class FolderReadErrorTests: XCTestCase {
    let folder = "postmortems/PM-2026-003-export-bucket-exposure/findings"

    /// A read error in the middle of a listing (made to happen: as root no permission stops a
    /// read, and a failing disk cannot be had in a test).
    func testAReadErrorInAFolderFailsTheRun() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        for environment in [["AFTERMATH_TEST_FOLDER_READ_ERROR": folder], ["AFTERMATH_TEST_FOLDER_READ_ERROR": folder, "AFTERMATH_NO_CACHE": "1"]] {
            let result = try CLI.aftermath(["validate"], in: repo.url, environment: environment)
            XCTAssertEqual(result.status, 4, result.stderr)
            XCTAssertTrue(result.stderr.contains("\(folder): cannot list: Input/output error"), result.stderr)
            XCTAssertFalse(result.stderr.contains("no problems"), result.stderr)
        }
        XCTAssertEqual(try CLI.aftermath(["validate"], in: repo.url).status, 0, "read again, the folder lists")
    }

    /// A folder the user may not read, where permissions apply (not as root).
    func testAFolderThatMayNotBeReadFailsTheRun() throws {
        try XCTSkipIf(getuid() == 0, "root reads every folder")
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        let path = repo.path(folder).path
        XCTAssertEqual(chmod(path, 0), 0)
        defer { chmod(path, 0o755) }
        let result = try CLI.aftermath(["validate", "--today", "2026-10-01"], in: repo.url, environment: ["AFTERMATH_NO_CACHE": "1"])
        XCTAssertEqual(result.status, 4, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(folder): cannot list"), result.stderr)
    }
}
