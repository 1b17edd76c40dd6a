import XCTest
@testable import AftermathCore

/// `FrontMatterEditor.addingFirstField`: a field added to a notice of `notification.notices`
/// changes that notice's first line only.
final class FirstFieldInsertionTests: XCTestCase {
    let document = """
    ---
    id: PM-2026-001   # kept
    notification:
      notices:
        - sent_at: 2026-03-02T09:00:00Z
          nature: First.
        - recipients: 3   # a comment stays
          nature: >-
            Second,
            folded.
        -
          nature: Third.
        - {nature: Fourth.}
    ---
    - recipients: body text, not YAML

    """

    func add(_ item: Int, to text: String) throws -> String {
        String(decoding: try FrontMatterEditor.addingFirstField("sent_at", .scalar("2026-03-05T10:00:00Z"),
                                                                toMappingAt: [.key("notification"), .key("notices"), .item(item)],
                                                                in: Array(text.utf8)), as: UTF8.self)
    }

    func testTheNoticeGainsTheFieldFirstAndNothingElseChanges() throws {
        XCTAssertEqual(try add(1, to: document), document.replacing("    - recipients: 3   # a comment stays\n",
                                                                     with: "    - sent_at: 2026-03-05T10:00:00Z\n      recipients: 3   # a comment stays\n"))
        XCTAssertEqual(try add(2, to: document), document.replacing("    -\n      nature: Third.\n",
                                                                     with: "    -\n      sent_at: 2026-03-05T10:00:00Z\n      nature: Third.\n"))
    }

    func testLineEndingsAndAByteOrderMarkAreKept() throws {
        let crlf = "\u{FEFF}" + document.replacing("\n", with: "\r\n")
        XCTAssertEqual(try add(1, to: crlf), crlf.replacing("    - recipients: 3   # a comment stays\r\n",
                                                            with: "    - sent_at: 2026-03-05T10:00:00Z\r\n      recipients: 3   # a comment stays\r\n"))
    }

    func testRefusedRatherThanGuessed() throws {
        XCTAssertThrowsError(try add(3, to: document)) { XCTAssertTrue("\($0)".contains("flow mapping"), "\($0)") }
        XCTAssertThrowsError(try add(0, to: document)) { XCTAssertTrue("\($0)".contains("already set"), "\($0)") }
        XCTAssertThrowsError(try add(4, to: document)) { XCTAssertTrue("\($0)".contains("no item 5"), "\($0)") }
    }
}
