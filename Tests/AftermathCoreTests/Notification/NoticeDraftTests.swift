import XCTest
@testable import AftermathCore

/// The draft `aftermath notify` prints: the notice's parts in the order a reader needs them,
/// placeholders for what is not written yet.
final class NoticeDraftTests: XCTestCase {
    func postmortem(_ overlay: [String: String]) throws -> Document {
        let snapshot = InMemorySnapshot(files: RuleExamples.merged(overlay))
        let ruleset = try RulesetLoader.load(from: snapshot).get()
        return try XCTUnwrap(Validator(ruleset: ruleset, today: XCTUnwrap(Timestamp.parseDate(RuleExamples.today)))
            .validate(snapshot).index["PM-2026-001"])
    }

    func testAFirstNoticeFromTheBlockAndTheIncident() throws {
        let pm = try postmortem(RuleExamples.breach(notices: RuleExamples.firstNotice.replacing("recipients: 120", with: "recipients: 1284")
            .replacing("- sent_at: 2026-03-02T09:00:00Z\n      ", with: "- ") + """

                  next_steps: [Check the downloads, Rotate the keys]
                  next_update_by: 2026-03-04
            """, notifiedAt: nil, status: "draft"))
        let notice = try XCTUnwrap(BreachNotification(pm)?.nextToSend)
        let draft = NoticeDraft(postmortem: pm, notice: notice, previous: nil, format: .markdown)
        XCTAssertEqual(draft.missing, [])
        XCTAssertEqual(draft.text, """
            Subject: Security incident notice: Primary database outage
            To: 1,284 customers
            Reference: PM-2026-001

            ## What happened

            Order exports were readable by another tenant for two hours.

            We detected it on 2026-03-01 10:05 UTC, contained it on 2026-03-01 11:00 UTC and recovered on 2026-03-01 12:00 UTC.

            ## What this means for you

            Names and shipping addresses of 120 customers.

            ## What we have done, and what you can do

            Access was revoked and the exports rotated.

            ## What happens next

            - Check the downloads
            - Rotate the keys

            We will send our next update by 2026-03-04.

            """)
        let text = NoticeDraft(postmortem: pm, notice: notice, previous: nil, format: .text).text
        XCTAssertTrue(text.contains("\nWhat happened\n-------------\n\nOrder exports"), text)
        XCTAssertFalse(text.contains("##"), text)
    }

    func testWhatIsNotWrittenIsAPlaceholder() throws {
        let pm = try postmortem(RuleExamples.breach(notices: "    - nature: \"Exports were readable.\\u001B[2J\"", notifiedAt: nil, status: "draft"))
        let draft = NoticeDraft(postmortem: pm, notice: BreachNotification(pm)?.nextToSend, previous: nil, format: .markdown)
        XCTAssertEqual(draft.missing, [.recipients, .impact, .mitigation])
        XCTAssertTrue(draft.text.contains("To: [TO WRITE: recipients of notice 1 in `notification.notices`]"), draft.text)
        XCTAssertTrue(draft.text.contains("[TO WRITE: impact of notice 1 in `notification.notices`]"), draft.text)
        XCTAssertTrue(draft.text.contains("Exports were readable.\\u{1b}[2J"), "control characters are shown, not sent to the terminal: \(draft.text)")
        XCTAssertFalse(draft.text.contains("What happens next"), "no promise, no section")
    }

    func testAFollowUpSaysWhichNoticeItFollows() throws {
        let pm = try postmortem(RuleExamples.breach(notices: RuleExamples.firstNotice + "\n    - recipients: [eu-customers, enterprise]\n      nature: The review is complete."))
        let notification = try XCTUnwrap(BreachNotification(pm))
        let draft = NoticeDraft(postmortem: pm, notice: notification.nextToSend, previous: notification.first, format: .markdown)
        XCTAssertTrue(draft.text.hasPrefix("""
            Subject: Update 1 on the security incident: Primary database outage
            To: eu-customers, enterprise
            Reference: PM-2026-001, notice 2

            This notice follows our notice of 2026-03-02 09:00 UTC.

            ## What happened

            The review is complete.

            """), draft.text)
        XCTAssertFalse(draft.text.contains("We detected it"), "the incident's times are in the first notice")
    }
}
