import XCTest
@testable import AftermathCore

/// Plain scalars typed as YAML 1.2's core schema types them (numbers read in place).
final class CoreSchemaScalarTests: XCTestCase {
    func testNumbersAndTheTextThatOnlyLooksLikeThem() {
        let expected: [(String, Node.Value)] = [
            ("12", .integer(12)), ("+12", .integer(12)), ("-0", .integer(0)), ("007", .integer(7)),
            ("0o17", .integer(15)), ("0x1F", .integer(31)), ("0o9", .string("0o9")), ("0x", .string("0x")),
            ("0xG", .string("0xG")), ("0o\u{301}7", .string("0o\u{301}7")), ("1\u{301}", .string("1\u{301}")),
            ("1.", .number(1)), (".5", .number(0.5)), ("-1.5e3", .number(-1500)), ("1e+3", .number(1000)),
            ("1e", .string("1e")), (".", .string(".")), ("+", .string("+")), ("1.2.3", .string("1.2.3")),
            ("2026-01-01", .string("2026-01-01")), ("12:30", .string("12:30")),
            ("2026-01-01T10:00:00Z", .string("2026-01-01T10:00:00Z")),
            ("99999999999999999999", .number(1e20)),
        ]
        for (text, value) in expected {
            XCTAssertEqual(CoreSchemaScalar.resolve(text), .value(value), text)
        }
        XCTAssertEqual(CoreSchemaScalar.resolve("-.inf"), .nonFinite)
    }
}
