import XCTest
@testable import AftermathCore

/// The notification rules on the cases their examples do not show.
final class NotificationRuleTests: XCTestCase {
    let pmPath = RuleExamples.postmortemPath

    /// Every diagnostic of the notification rules (AM108, AM403–AM406) for the example
    /// repository with `overlay`, as `line:column RULE message`.
    func diagnostics(_ overlay: [String: String], today: String = RuleExamples.today) throws -> [String] {
        let snapshot = InMemorySnapshot(files: RuleExamples.merged(overlay))
        let ruleset = try RulesetLoader.load(from: snapshot).get()
        let rules: Set = [RuleID.notificationRecord, RuleID.notificationDeadline, RuleID.notificationContent, RuleID.followUpLate, RuleID.followUpOverdue]
        return try Validator(ruleset: ruleset, today: XCTUnwrap(Timestamp.parseDate(today))).validate(snapshot).diagnostics
            .filter { rules.contains($0.ruleID) || $0.severity == .error }
            .map { "\($0.location.line):\($0.location.column) \($0.ruleID) \($0.message)" }
    }

    /// A follow-up notice after `RuleExamples.firstNotice`, which then promises an update by `promise`.
    func withFollowUp(promise: String, followUp: String?) -> String {
        RuleExamples.firstNotice + "\n      next_steps: We are checking the downloads.\n      next_update_by: \(promise)"
            + (followUp.map { "\n    - sent_at: \($0)\n      nature: No export was downloaded." } ?? "")
    }

    func testABreachRecordedTheOldWayStillValidates() throws {
        let legacy = RuleExamples.edit(pmPath, "data_breach: false", "data_breach: true\ncustomers_notified_at: 2026-03-02T09:00:00Z")
        XCTAssertEqual(try diagnostics(legacy), [])
    }

    func testTheFirstNoticeAndCustomersNotifiedAtAreTheSameMoment() throws {
        // The same instant written with an offset agrees.
        XCTAssertEqual(try diagnostics(RuleExamples.breach(notices: RuleExamples.firstNotice, notifiedAt: "2026-03-02T10:00:00+01:00")), [])
        // The first notice sent, customers_notified_at missing (a draft may lack it; the schema asks for it once published).
        XCTAssertEqual(try diagnostics(RuleExamples.breach(notices: RuleExamples.firstNotice, notifiedAt: nil, status: "draft")),
                       ["18:7 AM108 the first notice was sent at 2026-03-02T09:00:00Z, but `customers_notified_at` is not set: set it to the same time (`aftermath notify --sent-at` records both)"])
        // customers_notified_at set, the first notice not marked sent: reported where the notice starts.
        let unsent = RuleExamples.firstNotice.replacing("- sent_at: 2026-03-02T09:00:00Z\n      recipients", with: "- recipients")
        XCTAssertEqual(try diagnostics(RuleExamples.breach(notices: unsent)),
                       ["19:7 AM108 `customers_notified_at` is 2026-03-02T09:00:00Z, but the first notice has no `sent_at`: set it to the same time"])
    }

    func testNoticesAreListedInTheOrderSent() throws {
        let earlier = RuleExamples.breach(notices: RuleExamples.firstNotice + "\n    - sent_at: 2026-03-01T20:00:00Z\n      nature: Earlier.")
        XCTAssertEqual(try diagnostics(earlier),
                       ["24:7 AM108 notice 2 was sent at 2026-03-01T20:00:00Z, before notice 1 (2026-03-02T09:00:00Z): list the notices in the order they were sent"])
        let afterUnsent = RuleExamples.breach(notices: RuleExamples.firstNotice + "\n    - nature: Not sent.\n    - sent_at: 2026-03-05T20:00:00Z\n      nature: Sent.")
        XCTAssertEqual(try diagnostics(afterUnsent),
                       ["25:7 AM108 notice 3 was sent, but notice 2 before it has no `sent_at`: list the notices in the order they were sent, unsent ones last"])
    }

    func testContentIsRequiredOnlyOncePublished() throws {
        let bare = "    - sent_at: 2026-03-02T09:00:00Z\n      nature: Exports were readable by another tenant."
        XCTAssertEqual(try diagnostics(RuleExamples.breach(notices: bare, status: "in-review")), [])
        XCTAssertEqual(try diagnostics(RuleExamples.breach(notices: bare, status: "closed").mapValues {
            $0.replacing("data_breach: true", with: "data_breach: true\nclosed_at: 2026-03-09\nclosed_by: carol")
        }).filter { $0.contains("AM404") },
                       ["21:7 AM404 notice 1 does not say `recipients`, `impact` and `mitigation`: the first notice of a breach says who was told, the nature of the breach, its approximate impact and the mitigation"])
    }

    func testNextStepsAndTheNextUpdateGoTogether() throws {
        let stepsOnly = RuleExamples.breach(notices: RuleExamples.firstNotice + "\n      next_steps: We keep looking.")
        XCTAssertEqual(try diagnostics(stepsOnly),
                       ["24:7 AM404 notice 1 gives `next_steps` but not when the next update comes: add `next_update_by`"])
        let dateOnly = RuleExamples.breach(notices: RuleExamples.firstNotice + "\n      next_update_by: 2026-03-12")
        XCTAssertEqual(try diagnostics(dateOnly),
                       ["24:7 AM404 notice 1 promises an update by 2026-03-12 but not what happens until then: add `next_steps`"])
    }

    func testANoticeSentBeforeRecoveryPromisesTheNextUpdate() throws {
        let early = RuleExamples.breach(notices: RuleExamples.firstNotice, notifiedAt: "2026-03-01T11:30:00Z")
            .mapValues { $0.replacing("sent_at: 2026-03-02T09:00:00Z", with: "sent_at: 2026-03-01T11:30:00Z") }
        XCTAssertEqual(try diagnostics(early),
                       ["19:7 AM404 notice 1 was sent before the incident was recovered (2026-03-01T12:00:00Z) and says neither `next_steps` nor `next_update_by`: while the investigation is open, a notice says what happens next and when the next update comes"])
    }

    func testAPromisedTimeIsKeptToTheSecond() throws {
        XCTAssertEqual(try diagnostics(RuleExamples.breach(notices: withFollowUp(promise: "2026-03-04T12:00:00Z", followUp: "2026-03-04T12:00:00Z"))), [])
        XCTAssertEqual(try diagnostics(RuleExamples.breach(notices: withFollowUp(promise: "2026-03-04T12:00:00Z", followUp: "2026-03-04T12:00:01Z"))),
                       ["25:7 AM405 notice 2 was sent at 2026-03-04T12:00:01Z, after the update notice 1 promised by 2026-03-04T12:00:00Z"])
        // A date is kept by any time that day (UTC).
        XCTAssertEqual(try diagnostics(RuleExamples.breach(notices: withFollowUp(promise: "2026-03-04", followUp: "2026-03-04T23:59:59Z"))), [])
    }

    func testAPendingPromiseIsOverdueFromTheDayAfter() throws {
        let pending = RuleExamples.breach(notices: withFollowUp(promise: "2026-03-09", followUp: nil))
        XCTAssertEqual(try diagnostics(pending, today: "2026-03-09"), [])
        XCTAssertEqual(try diagnostics(pending, today: "2026-03-10"),
                       ["25:7 AM406 notice 1 of PM-2026-001 promised customers an update by 2026-03-09, 1 day ago, and none has been sent"])
        // A notice written but not sent does not keep the promise.
        let drafted = RuleExamples.breach(notices: withFollowUp(promise: "2026-03-09", followUp: nil) + "\n    - nature: Still drafting.")
        XCTAssertEqual(try diagnostics(drafted, today: "2026-03-11").count, 1)
        // Once closed, the postmortem is no longer checked.
        let closed = pending.mapValues {
            $0.replacing("status: published", with: "status: closed\nclosed_at: 2026-03-09\nclosed_by: carol")
        }
        XCTAssertEqual(try diagnostics(closed, today: "2026-03-20").filter { $0.contains("AM406") }, [])
    }

    func testTheDeadlineIsCheckedOnTheFirstNoticeWhenItAloneRecordsTheTime() throws {
        let late = RuleExamples.breach(notices: RuleExamples.firstNotice.replacing("2026-03-02T09:00:00Z", with: "2026-03-06T09:00:00Z"),
                                       notifiedAt: nil, status: "draft")
        XCTAssertEqual(try diagnostics(late).filter { $0.contains("AM403") },
                       ["18:7 AM403 customers were notified 118 hours after the breach was declared, beyond the 72-hour deadline"])
    }
}
