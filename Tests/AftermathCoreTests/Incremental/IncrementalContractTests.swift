import XCTest
@testable import AftermathCore

/// The incremental contract, checked for every rule at once: a run after a change, from the
/// summary of the state before it, reports exactly what a full run of the changed state
/// reports — through each rule's `explain` examples and through random edits of the example
/// repository, on two dates. The rules come from the catalogue, so a rule added later is
/// covered without being named here; and the check is shown to catch a rule that breaks the
/// contract.
final class IncrementalContractTests: XCTestCase {
    static let dates = ["2026-03-10", "2027-06-30"].map { Timestamp.parseDate($0)! }

    func testEveryRuleThroughItsExamples() throws {
        XCTAssertEqual(try Self.exampleDifferences(rules: .standard), [])
    }

    func testEveryRuleThroughRandomEdits() throws {
        XCTAssertEqual(try Self.randomEditDifferences(rules: .standard, rounds: 100), [])
    }

    /// A rule that relates documents by owner (not through IDs) breaks the contract; the checks
    /// above must see it.
    func testARuleRelatingDocumentsByOwnerIsCaught() throws {
        var planted = RuleList.standard
        planted.repository.append(OpenItemsPerOwnerRule())
        XCTAssertFalse(try Self.randomEditDifferences(rules: planted, rounds: 100).isEmpty)
    }

    /// A rule that reads the date outside `DatedRule` breaks the contract (the summary keeps its
    /// findings of one day); the checks above must see it.
    func testARuleReadingTheDateOutsideDatedRuleIsCaught() throws {
        var planted = RuleList.standard
        planted.repository.append(DueSoonRule())
        XCTAssertFalse(try Self.randomEditDifferences(rules: planted, rounds: 100).isEmpty)
    }

    /// The same rule written as a `DatedRule` keeps the contract: the summary keeps its inputs,
    /// whatever rule they belong to, and each run judges them on its own day.
    func testADatedRuleAddedLaterKeepsTheContract() throws {
        var planted = RuleList.standard
        planted.dated.append(DueSoonDatedRule())
        XCTAssertEqual(try Self.randomEditDifferences(rules: planted, rounds: 100), [])
        XCTAssertEqual(try Self.exampleDifferences(rules: planted), [])
        // And it does report, on one of the two dates and not the other.
        let files = try IncrementalValidatorTests.exampleFiles()
        var ruleset = try IncrementalValidatorTests.ruleset(files)
        ruleset.rules = planted
        let found = try Self.dates.map { today in
            try Validator(ruleset: ruleset, today: today, threads: 1).validate(InMemorySnapshot(files: files)).allDiagnostics.filter { $0.ruleID == "AM998" }.count
        }
        XCTAssertGreaterThan(found.first ?? 0, 0)
        XCTAssertEqual(found.last, 0)
    }

    // MARK: The differential check

    /// Each pair of states an example gives (the base, the earlier state, the bad and the good
    /// one), both ways round where it matters.
    static func exampleDifferences(rules: RuleList) throws -> [String] {
        var found: [String] = []
        for rule in RuleCatalogue.descriptions {
            let base = RuleExamples.base
            let bad = RuleExamples.merged(rule.bad), good = RuleExamples.merged(rule.good)
            var pairs = [("base→bad", base, bad), ("base→good", base, good), ("bad→good", bad, good), ("good→bad", good, bad)]
            if let before = rule.before.map(RuleExamples.merged) {
                pairs += [("before→bad", before, bad), ("before→good", before, good)]
            }
            for (label, from, to) in pairs {
                found += try differences(from: from, to: to, rules: rules, "\(rule.id) \(label)")
            }
        }
        return found
    }

    /// Rounds of one to four random edits of the example repository, from a state itself a few
    /// edits away from it (seeded: a failure reproduces).
    static func randomEditDifferences(rules: RuleList, rounds: Int) throws -> [String] {
        // With kept tracker states for the bugs the edits write, so the drift rules take part.
        let base = try IncrementalValidatorTests.exampleFiles().merging(RuleExamples.keeping([
            RuleExamples.state("JIRA:OPS-1", open: false, status: "Done", closedAt: "2026-03-01T10:00:00Z"),
            RuleExamples.state("github:acme/x#1", open: true, status: "open"),
            RuleExamples.state("JIRA:SUP-90", open: true, status: "Open"),
            .missing("JIRA:OPS-412", tracker: "jira", fetchedAt: RuleExamples.fetchedAt),
            RuleExamples.state("JIRA:SEC-221", open: true, status: "Open", fetchedAt: Timestamp.parseDate("2026-01-01")!),
        ])) { $1 }
        var random = SplitMix64(seed: 20261207)
        var found: [String] = []
        for round in 0..<rounds {
            var from = base
            for _ in 0..<Int(random.next() % 3) { mutate(&from, &random) }
            var to = from
            for _ in 0..<(1 + Int(random.next() % 4)) { mutate(&to, &random) }
            found += try differences(from: from, to: to, rules: rules, "round \(round)")
        }
        return found
    }

    /// What the incremental run of `from` → `to` reports differently from a full run of `to`,
    /// on each date; nothing when the change alters the ruleset (a summary then does not apply).
    static func differences(from: [String: String], to: [String: String], rules: RuleList, _ label: String) throws -> [String] {
        var ruleset = try IncrementalValidatorTests.ruleset(from)
        guard ruleset.fingerprint == (try? IncrementalValidatorTests.ruleset(to))?.fingerprint else { return [] }
        ruleset.rules = rules
        let summary = try XCTUnwrap(SummaryFile(ByteStore(copying: try XCTUnwrap(IncrementalValidatorTests.summaryBytes(from, ruleset)))))
        let delta = IncrementalValidatorTests.delta(from, to, ruleset)
        var found: [String] = []
        for today in dates {
            let incremental = IncrementalValidator(summary: summary, ruleset: ruleset, today: today, threads: 2, maxAffected: .max,
                                                   read: IncrementalValidatorTests.reader(to))
            let state = try XCTUnwrap(try incremental.validate([delta])?.first, label)
            let full = try Validator(ruleset: ruleset, today: today, threads: 1).validate(InMemorySnapshot(files: to)).allDiagnostics
            if state.diagnostics != full {
                let a = Set(state.diagnostics.map(TextReporter.line)), b = Set(full.map(TextReporter.line))
                found.append("\(label) on \(today): incremental only \(a.subtracting(b).sorted()), full only \(b.subtracting(a).sorted())")
            }
        }
        return found
    }

    /// The validator tests' edits (links, IDs, statuses, readability) and edits of the fields
    /// rules read besides links: owners, approvers, due dates, bugs.
    static func mutate(_ files: inout [String: String], _ random: inout SplitMix64) {
        let documents = files.keys.filter { $0.hasSuffix(".md") }.sorted()
        guard random.next() % 2 == 0, !documents.isEmpty else { return IncrementalValidatorTests.mutate(&files, &random) }
        let path = documents[Int(random.next() % UInt64(documents.count))]
        let text = files[path]!
        let handles = ["alice", "bob", "carol", "dave", "nobody"]
        let handle = handles[Int(random.next() % UInt64(handles.count))]
        switch random.next() % 4 {
        case 0: files[path] = text.replacingFirst(#/\nowner: \S+/#, with: "\nowner: \(handle)")
        case 1: files[path] = text.replacingFirst(#/\napproved_by: \S+/#, with: "\napproved_by: \(handle)")
        case 2: files[path] = text.replacingFirst(#/\ndue: \S+/#, with: "\ndue: 2026-\(["02", "06", "12"][Int(random.next() % 3)])-15")
        default: files[path] = text.replacingFirst(#/\nbugs: .*/#, with: "\nbugs: [\(["JIRA:OPS-1", "OPS1", "github:acme/x#1"][Int(random.next() % 3)])]")
        }
    }
}

/// A rule that breaks the contract on purpose: it relates remediation items by their owner,
/// which no summary key records.
struct OpenItemsPerOwnerRule: RepositoryRule {
    static let description = RuleDescription(
        id: "AM999", name: "open-items-per-owner", severity: .warning,
        summary: "An owner should not hold more than one open remediation item.",
        rationale: "Planted in tests only.", bad: [:], good: [:])

    func check(_ index: RepositoryIndex, in context: RuleContext) -> [Diagnostic] {
        let open = index.documents(of: .remediation).filter { ["open", "in-progress", "proposed"].contains($0.status ?? "") }
        let counts = Dictionary(grouping: open, by: { $0.owner ?? "" }).mapValues(\.count)
        return open.filter { (counts[$0.owner ?? ""] ?? 0) > 1 }.map { item in
            context.diagnostic(Self.description, item, at: item.location(of: "owner"), "\(item.owner ?? "") holds \(counts[item.owner ?? ""] ?? 0) open items")
        }
    }
}

/// Breaks the contract on purpose: a repository rule that reads the date, so a summary written
/// on one day keeps findings that another day would not make.
struct DueSoonRule: DocumentwiseRule {
    static let description = RuleDescription(
        id: "AM998", name: "due-soon", severity: .warning,
        summary: "An open remediation item due within the next year.",
        rationale: "Planted in tests only.", bad: [:], good: [:])

    func check(_ document: Document, in index: RepositoryIndex, context: RuleContext, into diagnostics: inout [Diagnostic]) {
        guard let input = DueSoonDatedRule.input(document),
              let message = DueSoonDatedRule().message(for: input, today: context.today) else { return }
        diagnostics.append(context.diagnostic(Self.description, document, at: input.location, message))
    }
}

/// The same rule as a `DatedRule`: what it reads of the item does not depend on the date.
struct DueSoonDatedRule: DatedRule {
    static let description = DueSoonRule.description

    static func input(_ document: Document) -> DatedInput? {
        guard document.kind == .remediation, document.isOpen, let text = document.string("due"),
              let due = Timestamp.parseDate(text) else { return nil }
        return DatedInput(date: due, dateText: text, subject: document.id, owner: document.owner, location: document.location(of: "due"))
    }

    func inputs(of document: Document, in ruleset: Ruleset) -> [DatedInput] { Self.input(document).map { [$0] } ?? [] }

    func message(for input: DatedInput, today: Timestamp) -> String? {
        let ahead = input.date.secondsSinceEpoch - today.secondsSinceEpoch
        return ahead >= 0 && ahead <= 365 * 86_400 ? "\(input.subject) is due on \(input.dateText)" : nil
    }
}
