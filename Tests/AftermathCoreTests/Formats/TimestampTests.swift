import XCTest
@testable import AftermathCore

final class TimestampTests: XCTestCase {
    func testEpochArithmetic() {
        XCTAssertEqual(Timestamp.parseDate("1970-01-01")?.secondsSinceEpoch, 0)
        XCTAssertEqual(Timestamp.parseDate("2000-03-01")?.secondsSinceEpoch, 951_868_800)
        XCTAssertEqual(Timestamp.parseDateTime("2026-03-01T10:00:00+02:00")?.secondsSinceEpoch,
                       Timestamp.parseDateTime("2026-03-01T08:00:00Z")?.secondsSinceEpoch)
    }

    func testFormatting() {
        let t = Timestamp.parseDateTime("2026-03-01T09:05:07+02:00")!
        XCTAssertEqual(t.rfc3339, "2026-03-01T07:05:07Z")
        XCTAssertEqual(HistoryRenderer.date(Int64(t.secondsSinceEpoch)), "2026-03-01 07:05")
        XCTAssertEqual(Timestamp(secondsSinceEpoch: -1).rfc3339, "1969-12-31T23:59:59Z")
    }

    func testTimelineForm() {
        XCTAssertEqual(Timestamp.parseTimelineStamp("2026-03-01 10:05"), Timestamp.parseDateTime("2026-03-01T10:05:00Z"))
        XCTAssertNil(Timestamp.parseTimelineStamp("2026-03-01 25:05"))
    }
}
