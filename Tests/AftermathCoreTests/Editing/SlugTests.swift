import XCTest
@testable import AftermathCore

/// Slugs are one plain path component, whatever the title or option.
final class SlugTests: XCTestCase {
    func testAccentsAreTransliterated() {
        XCTAssertEqual(Slug.make(from: "Zürich"), "zurich")
        XCTAssertEqual(Slug.make(from: "Café crème"), "cafe-creme")
        XCTAssertEqual(Slug.make(from: "Łódź Straße"), "lodz-strasse")
    }

    func testTitlesAreCutAtAWordBoundary() {
        let slug = Slug.make(from: "Payment gateway outage after the TLS certificate expired on the edge")
        XCTAssertLessThanOrEqual(slug.count, Slug.maximumLength)
        XCTAssertEqual(slug, "payment-gateway-outage-after-the-tls")
        // One word longer than the limit is cut, not dropped.
        XCTAssertEqual(Slug.make(from: String(repeating: "a", count: 100)), String(repeating: "a", count: Slug.maximumLength))
    }

    func testASlugIsNeverEmptyAndNeverLeavesItsFolder() {
        for title in ["", "!!!", "../../etc", "\u{1B}[31m", "a/b\nc", "\u{202E}x"] {
            let slug = Slug.make(from: title)
            XCTAssertFalse(slug.isEmpty, title)
            XCTAssertNil(Slug.problem(slug), "\(title) → \(slug)")
        }
    }

    func testGivenSlugsThatAreNotOnePlainNameAreRefused() {
        for given in ["x/../../../../pwned", "a/b", "..", "a\nb", "a\u{1B}[31m", "Upper", "", "-a", "a--b", "a b", String(repeating: "a", count: 300)] {
            XCTAssertNotNil(Slug.problem(given), given)
        }
        XCTAssertNil(Slug.problem("tls-certificate-expiry-2"))
    }
}
