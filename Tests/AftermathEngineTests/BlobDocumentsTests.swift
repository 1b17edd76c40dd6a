import XCTest
@testable import AftermathEngine

/// What the audit's history walk parses: only versions whose bytes name an audited ID as a word.
final class BlobDocumentsTests: XCTestCase {
    let ids: Set<[UInt8]> = [Array("PM-2026-001".utf8), Array("R-2026-001-02".utf8)]

    func words(_ text: String) -> Bool { BlobDocuments.words(of: Array(text.utf8), include: ids) }

    func testAnIDCountsOnlyAsAWholeWord() {
        XCTAssertTrue(words("---\nid: PM-2026-001\n"))
        XCTAssertTrue(words("id: \"R-2026-001-02\"\n"), "quoted")
        XCTAssertTrue(words("see PM-2026-001's timeline"))
        XCTAssertFalse(words("id: PM-2026-0012\n"), "a longer ID")
        XCTAssertFalse(words("id: R-2026-001-021"))
        XCTAssertFalse(words("xPM-2026-001"))
        XCTAssertFalse(words("postmortem: PM-2026-002\n"))
        XCTAssertFalse(words(""))
    }
}
