import XCTest
@testable import AftermathCore

/// The repository rules run in one pass over the documents, in stretches on several threads
/// (`Validator.repositoryDiagnostics`): what the pass gathers must be, rule by rule and in
/// order, what each rule finds on its own.
final class RepositoryRulePassTests: XCTestCase {
    /// The rule examples' repository, repeated `count` times under other IDs, with a problem
    /// for a different rule every few postmortems, so that each of the pass's stretches has
    /// some and the last stretch is not left out.
    func repository(postmortems count: Int) -> [String: String] {
        var files = RuleExamples.base.filter { !$0.key.hasPrefix("postmortems/") }
        for n in 1...count {
            let number = String(format: "%04d", n)
            let pm = "PM-2025-\(number)", finding = "F-2025-\(number)-01"
            let folder = "postmortems/\(pm)-outage"
            var postmortem = RuleExamples.postmortem.replacing("PM-2026-001", with: pm)
            var findingText = RuleExamples.finding.replacing("PM-2026-001", with: pm).replacing("F-2026-001-01", with: finding)
            var items = (1...2).map { item in
                RuleExamples.remediation.replacing("F-2026-001-01", with: finding).replacing("R-2026-001-01", with: "R-2025-\(number)-0\(item)")
            }
            var itemFolder = folder
            switch n % 12 {
            case 1: findingText = findingText.replacing("owner: bob", with: "owner: bbo")                 // unknown owner
            case 2: findingText = findingText.replacing("postmortem: \(pm)", with: "postmortem: PM-2025-9999")  // broken link
            case 3: items[0] = items[0].replacing("due: 2026-03-20", with: "due: 2026-09-20")            // due-date policy
            case 4: postmortem = postmortem.replacing("status: published", with: "status: closed")      // closed with open items
            case 5: findingText = findingText.replacing("status: open", with: "status: resolved")       // resolved with open items
            case 6: postmortem = postmortem.replacing("approved_by: carol", with: "approved_by: alice")  // self-approval
            case 7: findingText = findingText.replacing("bugs: [JIRA:OPS-12]", with: "bugs: [OPS12]")   // unknown tracker
            case 8: itemFolder = "postmortems/PM-2025-0001-outage"                                      // misfiled
            case 9: items[1] = items[1].replacing("due: 2026-03-20", with: "due: 2026-03-01")            // overdue
            case 10: items = []                                                                          // finding without items
            case 11: postmortem = postmortem.replacing("data_breach: false", with: """
                data_breach: true
                customers_notified_at: 2026-03-09T10:10:00Z
                notification:
                  notices:
                    - sent_at: 2026-03-09T10:10:00Z
                      next_steps: More soon.
                      next_update_by: 2026-03-09
                """)                                                                                     // late notice, follow-up overdue
            default: if n % 24 == 0 { findingText = ""; items = [] }                                     // no findings
            }
            files["\(folder)/postmortem.md"] = postmortem
            if !findingText.isEmpty { files["\(folder)/findings/\(finding)-failover.md"] = findingText }
            for (i, item) in items.enumerated() { files["\(itemFolder)/remediations/R-2025-\(number)-0\(i + 1)-fix.md"] = item }
        }
        // One ID used twice (a whole-index rule, run beside the pass).
        files["postmortems/PM-2025-0003-outage/findings/F-2025-0003-01-again.md"] = files["postmortems/PM-2025-0003-outage/findings/F-2025-0003-01-failover.md"]
        return files
    }

    func testOnePassFindsWhatEachRuleFindsAlone() throws {
        let snapshot = InMemorySnapshot(files: repository(postmortems: 1_500))
        let ruleset = try RulesetLoader.load(from: snapshot).get()
        let context = RuleContext(ruleset: ruleset, today: try XCTUnwrap(Timestamp.parseDate(RuleExamples.today)))
        let index = try Validator(ruleset: ruleset, today: context.today, threads: 2).read(snapshot).index
        XCTAssertGreaterThan(index.documents.count, 2 * 2048, "three stretches at least")

        let alone = RuleCatalogue.repositoryRules.flatMap { $0.check(index, in: context) }
            + RuleCatalogue.datedRules.flatMap { rule in
                index.documents.flatMap { d in rule.inputs(of: d, in: ruleset).compactMap { rule.diagnostic($0, path: d.path, context: context) } }
            }
        let pass = Validator.repositoryDiagnostics(index, context: context)
        XCTAssertEqual(pass.map(TextReporter.line), alone.map(TextReporter.line))

        // Every repository rule has something to report, from the first postmortems to the last.
        let reported = Set(pass.map(\.ruleID))
        for description in RuleCatalogue.repositoryRules.map({ type(of: $0).description }) + RuleCatalogue.datedRules.map({ type(of: $0).description }) {
            XCTAssertTrue(reported.contains(description.id), "\(description.name) found nothing")
        }
        XCTAssertTrue(pass.contains { $0.path.hasPrefix("postmortems/PM-2025-1497-") }, "the last stretch's diagnostics")
    }
}
