import XCTest
@testable import AftermathCore

final class AuditEvidenceTests: XCTestCase {
    func testSHA256KnownAnswers() {
        // FIPS 180-4 examples.
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1000)),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    func testAPeriodIncludesBothDaysInUTC() throws {
        let period = try XCTUnwrap(AuditPeriod(from: "2026-01-01", to: "2026-03-31"))
        XCTAssertTrue(period.contains(Timestamp.parseDateTime("2026-01-01T00:00:00Z")!))
        XCTAssertTrue(period.contains(Timestamp.parseDateTime("2026-03-31T23:59:59Z")!))
        XCTAssertFalse(period.contains(Timestamp.parseDateTime("2026-04-01T00:00:00Z")!))
        XCTAssertFalse(period.contains(Timestamp.parseDateTime("2026-03-31T23:30:00-01:00")!), "an offset is read as the UTC time it is")
        XCTAssertEqual(AuditPeriod.problem(from: "2026-02-30", to: "2026-03-01"), "--from must be a date like 2026-01-01, not `2026-02-30`")
        XCTAssertEqual(AuditPeriod.problem(from: "2026-03-02", to: "2026-03-01"), "the period runs backwards: --from 2026-03-02 is after --to 2026-03-01")
        XCTAssertNil(AuditPeriod.problem(from: "2026-03-01", to: "2026-03-01"), "one day")
    }

    func testASampleDependsOnTheSeedAndTheIDsOnly() {
        let ids = (1...20).map { "PM-2026-\(String(format: "%03d", $0))" }
        let sample = AuditSample(size: 5, seed: "s")
        XCTAssertEqual(sample.pick(ids), sample.pick(ids.reversed()))
        XCTAssertEqual(sample.pick(ids).count, 5)
        XCTAssertNotEqual(sample.pick(ids), AuditSample(size: 5, seed: "t").pick(ids))
        XCTAssertEqual(AuditSample(size: 50, seed: "s").pick(ids), ids, "a sample larger than the population takes it all")
    }

    func testEveryControlHasEvidenceAndAUniqueID() {
        for framework in AuditFramework.allCases {
            let controls = ControlCatalog.controls(of: framework)
            XCTAssertEqual(Set(controls.map(\.id)).count, controls.count)
            XCTAssertTrue(controls.allSatisfy { !$0.evidence.isEmpty && !$0.title.isEmpty && $0.framework == framework })
        }
        let formerly = ControlCatalog.controls(of: .iso27001).flatMap(\.formerly).map { String($0.prefix(8)) }
        XCTAssertEqual(formerly.sorted(), (1...7).map { "A.16.1.\($0)" }, "every 2013 control has its 2022 place")
    }

    // MARK: Notices

    /// The evidence of the example breach with `notices`, made at a commit on `date`.
    func breach(_ notices: String, on date: String) throws -> AuditEvidence {
        let snapshot = InMemorySnapshot(files: RuleExamples.merged(RuleExamples.breach(notices: notices)))
        let ruleset = try RulesetLoader.load(from: snapshot).get()
        let index = try Validator(ruleset: ruleset, today: today).validate(snapshot).index
        let meta = commit("a", date)
        var history = AuditHistory()
        for document in index.documents { history.versions[document.id] = [DocumentVersion(commit: meta, order: 0, document: document)] }
        return AuditBuilder(index: index, ruleset: ruleset, diagnostics: [], commit: meta, period: AuditPeriod(from: "2026-01-01", to: "2026-12-31")!,
                            frameworks: [.soc2], sample: nil, uncommitted: [], history: history).build()
    }

    static let promised = RuleExamples.firstNotice + """

              next_steps: We are checking whether the exports were downloaded.
              next_update_by: 2026-03-05
        """

    func testAFollowUpListedButNotSentByItsPromiseIsLate() throws {
        let notices = Self.promised + """

            - recipients: 120
              nature: No export was downloaded.
        """
        let before = try breach(notices, on: "2026-03-05T12:00:00Z")
        XCTAssertEqual(before.incidents.first?.notices.map(\.onTime), [true, nil], "not due yet on the promised day")
        XCTAssertEqual(before.exceptions.map(\.kind), [])
        let after = try breach(notices, on: "2026-03-06T12:00:00Z")
        let notice = try XCTUnwrap(after.incidents.first?.notices.last)
        XCTAssertNil(notice.sentAt)
        XCTAssertEqual(notice.deadline, "2026-03-05")
        XCTAssertEqual(notice.onTime, false)
        XCTAssertEqual(after.exceptions.map(\.message), ["PM-2026-001: notice 1 promised customers an update by 2026-03-05, and none had been sent on 2026-03-06"])
    }

    func testAPromiseWithNoNoticeListedAfterItIsLateOnceItsDayHasPassed() throws {
        XCTAssertEqual(try breach(Self.promised, on: "2026-03-05T23:00:00Z").exceptions.map(\.kind), [])
        XCTAssertEqual(try breach(Self.promised, on: "2026-03-06T00:00:00Z").exceptions.map(\.kind), [.lateFollowUp])
        let parts = try breach(Self.promised, on: "2026-03-06T00:00:00Z").incidents.first?.notices.first?.parts
        XCTAssertEqual(parts, ["recipients", "nature", "impact", "mitigation", "next_steps", "next_update_by"])
    }

    // MARK: Remediation items from history

    let today = Timestamp.parseDate("2026-03-30")!

    func state(_ changes: [(String, String)]) throws -> (index: RepositoryIndex, ruleset: Ruleset) {
        let snapshot = InMemorySnapshot(files: RuleExamples.merged(RuleExamples.edit(RuleExamples.remediationPath, changes)))
        let ruleset = try RulesetLoader.load(from: snapshot).get()
        return (try Validator(ruleset: ruleset, today: today).validate(snapshot).index, ruleset)
    }

    func commit(_ letter: Character, _ time: String) -> CommitMeta {
        CommitMeta(id: String(repeating: letter, count: 40), authorName: "Bob Okafor", authorEmail: "bob@example.org",
                   time: Int64(Timestamp.parseDateTime(time)!.secondsSinceEpoch), summary: "commit \(letter)")
    }

    /// The evidence with the item's versions as given (the postmortem and finding unchanged since `a`).
    func item(_ versions: [(CommitMeta, [(String, String)])]) throws -> IncidentEvidence.Item {
        let last = try state(versions.last!.1)
        var history = AuditHistory()
        let first = try state(versions.first!.1)
        history.versions["PM-2026-001"] = [DocumentVersion(commit: versions[0].0, order: 0, document: first.index["PM-2026-001"])]
        history.versions["F-2026-001-01"] = [DocumentVersion(commit: versions[0].0, order: 0, document: first.index["F-2026-001-01"])]
        history.versions["R-2026-001-01"] = try versions.enumerated().map { order, version in
            DocumentVersion(commit: version.0, order: order, document: try state(version.1).index["R-2026-001-01"])
        }
        let evidence = AuditBuilder(index: last.index, ruleset: last.ruleset, diagnostics: [], commit: versions.last!.0,
                                    period: AuditPeriod(from: "2026-01-01", to: "2026-12-31")!, frameworks: [.soc2], sample: nil,
                                    uncommitted: [], history: history).build()
        return try XCTUnwrap(evidence.incidents.first?.items.first)
    }

    static let done = [("status: open", "status: done\nresolved_at: 2026-03-15\nresolution: Failover automated.")]

    func testAnItemSeenOpenIsDoneWhenTheCommitSaysSo() throws {
        let item = try item([(commit("a", "2026-03-02T10:00:00Z"), []), (commit("b", "2026-03-25T10:00:00Z"), Self.done)])
        XCTAssertEqual(item.doneAt, "2026-03-25", "the commit's date, not the resolved_at it states")
        XCTAssertEqual(item.doneCommit, String(repeating: "b", count: 40))
        XCTAssertEqual(item.outcome, .late)
        XCTAssertEqual(item.daysLate, 5)
    }

    func testAnItemFirstCommittedDoneIsDoneWhenItSays() throws {
        let item = try item([(commit("a", "2026-03-25T10:00:00Z"), Self.done)])
        XCTAssertEqual(item.doneAt, "2026-03-15")
        XCTAssertNil(item.doneCommit, "no commit shows it being done")
        XCTAssertEqual(item.outcome, .onTime)
    }
}
