import XCTest
@testable import AftermathCore

final class FrontMatterEditorTests: XCTestCase {
    /// Comments, odd quoting, flow and block lists, a folded scalar and a body that looks
    /// like YAML: only the changed lines may differ.
    let messy = """
    ---
    # Remediation for the S3 exposure — keep this comment
    id: "R-2026-003-03"   # quoted on purpose
    kind: remediation
    finding: 'F-2026-003-02'
    title: >-
      Remove console write access
      to production storage
    owner:   bob     # spaces kept
    due: 2026-09-25
    status: "open"
    tags:
      - s3   # block list
      - iam
    ---
    status: this is body text, not YAML
    owner: neither is this

    """

    func edit(_ text: String, _ changes: [FieldChange]) throws -> String {
        String(decoding: try FrontMatterEditor.apply(changes, to: Array(text.utf8)), as: UTF8.self)
    }

    func diff(_ a: String, _ b: String) -> [String] {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false), right = b.split(separator: "\n", omittingEmptySubsequences: false)
        return right.filter { !left.contains($0) }.map(String.init)
    }

    func testChangesOnlyTheFieldLinesKeepingQuotingAndComments() throws {
        let result = try edit(messy, [FieldChange("status", .scalar("done")), FieldChange("owner", .scalar("alice"))])
        XCTAssertEqual(diff(messy, result), ["owner:   alice     # spaces kept", "status: \"done\""])
        XCTAssertEqual(result.split(separator: "\n", omittingEmptySubsequences: false).count,
                       messy.split(separator: "\n", omittingEmptySubsequences: false).count)
        XCTAssertTrue(result.hasSuffix("---\nstatus: this is body text, not YAML\nowner: neither is this\n"))
    }

    func testAddsMissingFieldsBeforeTheClosingLine() throws {
        let result = try edit(messy, [FieldChange("resolved_at", .scalar("2026-09-30")), FieldChange("resolution", .scalar("Removed: via SCP"))])
        XCTAssertTrue(result.contains("  - iam\nresolved_at: 2026-09-30\nresolution: 'Removed: via SCP'\n---\n"), result)
        let framed = try DocumentFramer.frame(Array(result.utf8)).get()
        let reread = FrontMatterReader.read(framed.frontMatter, firstLine: 2)
        XCTAssertEqual(reread.problems, [])
        XCTAssertEqual(reread.root?["resolution"]?.value, .string("Removed: via SCP"))
    }

    func testReplacesBlockValuesAndRemovesFields() throws {
        let result = try edit(messy, [FieldChange("tags", .list(["s3", "iam", "console"])), FieldChange("title", .remove)])
        XCTAssertTrue(result.contains("tags: [s3, iam, console]\n---\n"), result)
        XCTAssertFalse(result.contains("Remove console write access"))
        XCTAssertTrue(result.contains("# Remediation for the S3 exposure — keep this comment\n"))
    }

    func testKeepsCRLFAndBOM() throws {
        let crlf = [0xEF, 0xBB, 0xBF] + Array("---\r\nid: R-1\r\nstatus: open\r\n---\r\nBody\r\n".utf8)
        let result = try FrontMatterEditor.apply([FieldChange("status", .scalar("done")), FieldChange("resolution", .scalar("x"))], to: crlf)
        XCTAssertEqual(result, [0xEF, 0xBB, 0xBF] + Array("---\r\nid: R-1\r\nstatus: done\r\nresolution: x\r\n---\r\nBody\r\n".utf8))
    }

    func testValuesThatNeedQuotingReadBackAsStrings() throws {
        for value in ["yes", "12", "2026-01-01T00:00:00Z", "a: b", "#tag", "it's", "null", "- dash", ""] where !value.isEmpty {
            let result = try edit("---\nnote: x\n---\n", [FieldChange("note", .scalar(value))])
            let framed = try DocumentFramer.frame(Array(result.utf8)).get()
            let node = FrontMatterReader.read(framed.frontMatter, firstLine: 2).root
            XCTAssertEqual(node?["note"]?.value, .string(value), result)
        }
    }

    func testRefusesADocumentWithYAMLErrors() {
        XCTAssertThrowsError(try edit("---\nid: [x\n---\n", [FieldChange("status", .scalar("done"))]))
        XCTAssertThrowsError(try edit("no front matter", [FieldChange("status", .scalar("done"))]))
    }

    func testIDAllocation() {
        XCTAssertEqual(IDAllocator.nextPostmortem(year: 2026, used: ["PM-2026-001", "PM-2026-009-slug", "PM-2025-044"]), "PM-2026-010")
        XCTAssertEqual(IDAllocator.nextPostmortem(year: 2027, used: ["PM-2026-001"]), "PM-2027-001")
        XCTAssertEqual(IDAllocator.nextFinding(postmortem: "PM-2026-007", used: ["F-2026-007-01", "F-2026-007-02-x.md", "F-2026-008-05"]), "F-2026-007-03")
        XCTAssertEqual(IDAllocator.nextRemediation(postmortem: "PM-2026-007", used: []), "R-2026-007-01")
        XCTAssertEqual(DocumentTemplate.slug("Payment API: latency spike (EU)!"), "payment-api-latency-spike-eu")
    }
}
