import XCTest
@testable import AftermathCore

final class FileNameIDTests: XCTestCase {
    func testLeadingIDsOfFileAndFolderNames() {
        func id(_ name: String, _ prefix: String, _ groups: Int) -> String? {
            FileNameMatchesIDRule.leadingID(Substring(name), prefix: prefix, groups: groups).map(String.init)
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
        XCTAssertEqual(MisfiledDocumentRule.postmortemFolderID("postmortems/PM-2026-003-x/findings/F-2026-003-01-y.md"), "PM-2026-003")
        XCTAssertNil(MisfiledDocumentRule.postmortemFolderID("postmortems/misc/F-2026-003-01-y.md"))
    }
}
