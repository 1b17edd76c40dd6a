import XCTest
@testable import AftermathCore

/// The kept tracker states: their file form, its damage detection, and how they enter a ruleset.
final class TrackerStatesTests: XCTestCase {
    let fetched = Timestamp.parseDateTime("2026-03-09T08:00:00Z")!

    var sample: TrackerStates {
        TrackerStates([
            TrackerState(reference: "JIRA:OPS-12", tracker: "jira", fetchedAt: fetched, exists: true, isOpen: false, status: "Done",
                         resolution: "Won't Do", assignee: "Bob\tOkafor\\x", updated: "2026-03-02T09:00:00.000+0000", closedAt: "2026-03-02T09:00:00Z"),
            TrackerState(reference: "github:acme/db#45", tracker: "github", fetchedAt: fetched, exists: true, isOpen: true, status: "open",
                         etag: "W/\"5f3c\""),
            .missing("gitlab:g/p#7", tracker: "gitlab", fetchedAt: fetched),
        ])
    }

    func testRoundTrip() {
        let bytes = sample.encoded()
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).hasPrefix("aftermath-tracker-states 2 "))
        XCTAssertEqual(TrackerStates(decoding: bytes), sample)
        XCTAssertEqual(TrackerStates(decoding: bytes)?["JIRA:OPS-12"]?.assignee, "Bob\tOkafor\\x")
        XCTAssertEqual(TrackerStates(decoding: bytes)?["github:acme/db#45"]?.etag, "W/\"5f3c\"")
    }

    func testDamageAndOtherVersionsReadAsNothing() {
        var bytes = sample.encoded()
        bytes[bytes.count - 3] ^= 0x01
        XCTAssertNil(TrackerStates(decoding: bytes))
        XCTAssertNil(TrackerStates(decoding: Array(sample.encoded().dropLast(5))))
        let other = String(decoding: sample.encoded(), as: UTF8.self).replacing("aftermath-tracker-states 2 ", with: "aftermath-tracker-states 1 ")
        XCTAssertNil(TrackerStates(decoding: Array(other.utf8)))
        XCTAssertNil(TrackerStates(decoding: []))
    }

    func testMergingReplacesByReference() {
        let newer = TrackerState(reference: "github:acme/db#45", tracker: "github", fetchedAt: fetched, exists: true, isOpen: false, status: "closed")
        let merged = sample.merging([newer])
        XCTAssertEqual(merged.states.count, 3)
        XCTAssertEqual(merged["github:acme/db#45"]?.isOpen, false)
    }

    func testSummaryAndClosingDay() {
        XCTAssertEqual(sample["JIRA:OPS-12"]?.summary, "closed: Done, Won't Do")
        XCTAssertEqual(sample["JIRA:OPS-12"]?.closedDay, "2026-03-02")
        XCTAssertEqual(sample["github:acme/db#45"]?.summary, "open")
        XCTAssertEqual(sample["gitlab:g/p#7"]?.summary, "not found")
    }

    /// The states are an input of the ruleset: other states, or the same states turning
    /// stale, give another fingerprint (so cached results are not reused); the same states on
    /// another day that changes no staleness give the same one.
    func testStatesAndTheirStalenessArePartOfTheFingerprint() throws {
        let ruleset = try RulesetLoader.load(from: InMemorySnapshot(files: RuleExamples.base)).get()
        let day = { (text: String) in Timestamp.parseDate(text)! }
        let kept = ruleset.keeping(sample, today: day("2026-03-10"))
        XCTAssertNotEqual(kept.fingerprint, ruleset.fingerprint)
        XCTAssertEqual(kept.fingerprint, ruleset.keeping(sample, today: day("2026-03-12")).fingerprint)
        XCTAssertNotEqual(kept.fingerprint, ruleset.keeping(sample, today: day("2026-04-01")).fingerprint)
        XCTAssertTrue(ruleset.keeping(sample, today: day("2026-04-01")).trackerStates["JIRA:OPS-12"]?.isStale ?? false)
        XCTAssertNotEqual(kept.fingerprint, ruleset.keeping(sample.merging([.missing("JIRA:OPS-12", tracker: "jira", fetchedAt: fetched)]),
                                                            today: day("2026-03-10")).fingerprint)
        XCTAssertEqual(ruleset.keeping(TrackerStates(), today: day("2026-03-10")).fingerprint, ruleset.fingerprint)
    }
}
