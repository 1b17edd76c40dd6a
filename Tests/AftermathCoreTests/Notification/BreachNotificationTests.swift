import XCTest
@testable import AftermathCore

/// The parsed `notification` block, as `aftermath notify`, the rules and the audit pack read it.
final class BreachNotificationTests: XCTestCase {
    func postmortem(_ overlay: [String: String]) throws -> Document {
        let snapshot = InMemorySnapshot(files: RuleExamples.merged(overlay))
        let ruleset = try RulesetLoader.load(from: snapshot).get()
        return try XCTUnwrap(Validator(ruleset: ruleset, today: XCTUnwrap(Timestamp.parseDate(RuleExamples.today)))
            .validate(snapshot).index["PM-2026-001"])
    }

    func testNoticesInOrderWithTheirParts() throws {
        let pm = try postmortem(RuleExamples.breach(notices: RuleExamples.firstNotice + """

                  next_steps: [Check the downloads, Rotate the keys]
                  next_update_by: 2026-03-04T12:00:00Z
                - recipients: [eu-customers, enterprise]
                  nature: ""
            """))
        let notification = try XCTUnwrap(BreachNotification(pm))
        XCTAssertEqual(notification.notices.map(\.number), [1, 2])
        let first = notification.notices[0], second = notification.notices[1]
        XCTAssertEqual(first.missing(Notice.Part.content), [])
        XCTAssertEqual(first.recipients, .count(120))
        XCTAssertEqual(first.texts(.nextSteps), ["Check the downloads", "Rotate the keys"])
        XCTAssertTrue(first.isList(.nextSteps))
        XCTAssertEqual(first.nextUpdateBy?.isKept(by: try XCTUnwrap(Timestamp.parseDateTime("2026-03-04T12:00:00Z"))), true)
        XCTAssertEqual(first.location(of: .nextUpdateBy), SourceLocation(line: 25, column: 7))
        XCTAssertEqual(second.recipients, .groups(["eu-customers", "enterprise"]))
        XCTAssertEqual(second.missing(Notice.Part.content), [.nature, .impact, .mitigation], "an empty text is missing")
        XCTAssertFalse(second.isSent)
        XCTAssertEqual(notification.sent.map(\.number), [1])
        XCTAssertEqual(notification.nextToSend?.number, 2)
        XCTAssertEqual(BreachNotification.firstNotified(pm)?.text, "2026-03-02T09:00:00Z")
    }

    func testAPostmortemWithoutTheBlockHasNone() throws {
        XCTAssertNil(BreachNotification(try postmortem([:])))
    }
}
