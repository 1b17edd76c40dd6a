import XCTest
@testable import AftermathCore

final class FileNameIDTests: XCTestCase {
    func testLeadingIDsOfFileAndFolderNames() {
        func id(_ name: String, _ prefix: String, _ groups: Int) -> String? {
            Array(name.utf8).withUnsafeBufferPointer { ConventionalPath.leadingIDLength($0, prefix: prefix, groups: groups) }
                .map { String(decoding: name.utf8.prefix($0), as: UTF8.self) }
        }
        XCTAssertEqual(id("PM-2026-007-db-outage", "PM-", 2), "PM-2026-007")
        XCTAssertEqual(id("PM-2026-007", "PM-", 2), "PM-2026-007")
        XCTAssertEqual(id("F-2026-007-01-slug.md", "F-", 3), "F-2026-007-01")
        XCTAssertEqual(id("F-2026-007-01.md", "F-", 3), "F-2026-007-01")
        XCTAssertNil(id("F-2026-007.md", "F-", 3), "too few groups")
        XCTAssertNil(id("F-2026-007-01x.md", "F-", 3), "a group must end at a dash, a dot or the end")
        XCTAssertNil(id("R-2026-007-01.md", "F-", 3), "another prefix")
        XCTAssertNil(id("PM--2026-007", "PM-", 2))
        XCTAssertNil(id("PM-٢٠٢٦-007", "PM-", 2), "ASCII digits only")
        XCTAssertEqual(id("PM-2026-007-é", "PM-", 2), "PM-2026-007")
        XCTAssertEqual(ConventionalPath("postmortems/PM-2026-003-x/findings/F-2026-003-01-y.md").postmortemFolderID, "PM-2026-003")
        XCTAssertNil(ConventionalPath("postmortems/misc/F-2026-003-01-y.md").postmortemFolderID)
        XCTAssertEqual(ConventionalPath("a/PM-2026-1-b/PM-2026-2-c/x.md").postmortemFolderID, "PM-2026-1", "the outermost")
        XCTAssertNil(ConventionalPath("PM-2026-003-x.md").postmortemFolderID, "a file name is no folder")
    }

    /// The rule reads the file's name, or for `postmortem.md` its folder's, and names what it found.
    func testTheRuleComparesTheNameWithTheID() throws {
        let context = RuleContext(ruleset: try RulesetLoader.load(from: InMemorySnapshot(files: RuleExamples.base)).get(),
                                  today: try XCTUnwrap(Timestamp.parseDate(RuleExamples.today)))
        func found(_ path: String, _ kind: DocumentKind, _ id: String) -> [String] {
            let document = Document(path: path, kind: kind, id: id, frontMatter: Node(.object([])), body: MarkdownBody())
            return FileNameMatchesIDRule().check(document, in: context).map(\.message)
        }
        XCTAssertEqual(found("postmortems/PM-2026-001-x/postmortem.md", .postmortem, "PM-2026-001"), [])
        XCTAssertEqual(found("postmortems/PM-2026-002-x/postmortem.md", .postmortem, "PM-2026-001"),
                       ["file name says `PM-2026-002` but the document's ID is `PM-2026-001`; rename the file or fix the ID"])
        XCTAssertEqual(found("PM-2026-002-x/postmortem.md", .postmortem, "PM-2026-001").count, 1, "a folder at the top")
        XCTAssertEqual(found("postmortem.md", .postmortem, "PM-2026-001"), [], "no folder to name it")
        XCTAssertEqual(found("postmortems/PM-2026-002-x/notes.md", .postmortem, "PM-2026-001"), [], "not named by the convention")
        XCTAssertEqual(found("p/findings/F-2026-001-02-y.md", .finding, "F-2026-001-01").count, 1)
        XCTAssertEqual(found("F-2026-001-01.md", .finding, "F-2026-001-01"), [])
        XCTAssertEqual(found("p/remediations/F-2026-001-02-y.md", .remediation, "R-2026-001-01"), [], "another kind's prefix")
    }
}
