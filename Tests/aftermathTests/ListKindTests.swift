import XCTest
import Foundation

/// `--all` is what includes resolved documents, whatever kinds are listed.
final class ListKindTests: XCTestCase {
    func ids(_ arguments: [String], in repo: TemporaryDirectory) throws -> [String] {
        let result = try CLI.aftermath(["list", "--format", "json", "--sort", "id", "--today", "2026-10-01"] + arguments, in: repo.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try XCTUnwrap(object["items"] as? [[String: Any]]).compactMap { $0["id"] as? String }
    }

    func testEveryKindListsOpenDocumentsUnlessAll() throws {
        let repo = try TemporaryDirectory.examples()
        XCTAssertEqual(try ids(["--kind", "finding"], in: repo), ["F-2026-003-01", "F-2026-003-02", "F-2026-003-03", "F-2026-004-01", "F-2026-004-02"])
        XCTAssertEqual(try ids(["--kind", "postmortem"], in: repo), ["PM-2026-003", "PM-2026-004"])
        XCTAssertEqual(try ids(["--kind", "postmortem", "--all"], in: repo), ["PM-2026-001", "PM-2026-003", "PM-2026-004"])
        XCTAssertEqual(try ids(["--kind", "finding", "--all"], in: repo).count, 9)
        XCTAssertEqual(try ids(["--kind", "postmortem", "--status", "closed"], in: repo), ["PM-2026-001"], "a status names what to list")
    }

    func testTheDueColumnIsLeftOutWhereNoRowHasADueDate() throws {
        let repo = try TemporaryDirectory.examples()
        func header(_ arguments: [String]) throws -> String {
            let result = try CLI.aftermath(["list", "--today", "2026-10-01"] + arguments, in: repo.url, environment: ["COLUMNS": "120"])
            XCTAssertEqual(result.status, 0, result.stderr)
            return String(result.stdout.split(separator: "\n").first ?? "")
        }
        XCTAssertFalse(try header(["--kind", "finding"]).contains("DUE"))
        XCTAssertFalse(try header(["--kind", "postmortem"]).contains("DUE"))
        XCTAssertTrue(try header([]).contains("DUE"))
        XCTAssertTrue(try header(["--kind", "finding", "--kind", "remediation"]).contains("DUE"))
    }
}
