import XCTest
@testable import AftermathCore

/// Every character a terminal acts on, or that reorders what is shown, is escaped.
final class TerminalSafeTests: XCTestCase {
    func testControlAndBidirectionalCharactersAreEscaped() {
        let dangerous: [UInt32] = [0x00, 0x07, 0x1B, 0x7F, 0x80, 0x9B, 0x9D, 0x9F, 0x200E, 0x200F,
                                   0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        for value in dangerous {
            let scalar = Unicode.Scalar(value)!
            let escaped = TerminalSafe.escape("ref\(Character(scalar))name")
            XCTAssertFalse(escaped.unicodeScalars.contains(scalar), String(value, radix: 16))
            XCTAssertTrue(escaped.contains("\\u{\(String(value, radix: 16))}"), escaped)
        }
        XCTAssertEqual(TerminalSafe.escape("Zürich — café"), "Zürich — café")
    }
}
