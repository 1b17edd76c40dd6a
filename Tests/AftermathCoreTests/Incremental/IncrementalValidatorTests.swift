import XCTest
@testable import AftermathCore

/// Incremental validation must report exactly what a full validation of the same state
/// reports. Checked on the example repository under targeted edits and under hundreds of
/// random ones (seeded, so any failure reproduces).
final class IncrementalValidatorTests: XCTestCase {
    static let today = Timestamp.parseDate("2026-10-01")!

    func testNoChangeGivesTheSummarisedResult() throws {
        let base = try Self.exampleFiles()
        try assertSameAsFull(base: base, edited: base)
    }

    func testTargetedEdits() throws {
        let base = try Self.exampleFiles()
        let pm1 = "postmortems/PM-2026-001-checkout-db-disk-full/postmortem.md"
        let f1 = "postmortems/PM-2026-001-checkout-db-disk-full/findings/F-2026-001-01-wal-archiving-unalerted.md"
        let r3 = "postmortems/PM-2026-003-export-bucket-exposure/remediations/R-2026-003-01-account-public-access-block.md"
        var closed = base
        closed[pm1] = closed[pm1]!.replacingFirst(#/status: \S+/#, with: "status: closed")
        try assertSameAsFull(base: base, edited: closed, "closing a postmortem reaches its findings and items")

        var deleted = base
        deleted[f1] = nil
        try assertSameAsFull(base: base, edited: deleted, "deleting a finding breaks its items' links")

        var renamed = base
        renamed[f1] = renamed[f1]!.replacingOccurrences(of: "id: F-2026-001-01", with: "id: F-2026-003-01")
        try assertSameAsFull(base: base, edited: renamed, "an ID taken from another postmortem is a duplicate there")

        var broken = base
        broken[r3] = broken[r3]!.replacingFirst(#/finding: \S+/#, with: "finding: F-2026-003-19")
        try assertSameAsFull(base: base, edited: broken, "a broken link")
        // From a state with a broken link, a new ID near the mistyped one changes the suggestion
        // in a document the change does not otherwise reach.
        var suggested = broken
        Self.copy(&suggested, "postmortems/PM-2026-004-password-reset-delay/findings/F-2026-004-01-support-not-told.md",
                  to: "postmortems/PM-2026-004-password-reset-delay/findings/F-2026-003-09-x.md", id: "F-2026-004-01", as: "F-2026-003-09")
        try assertSameAsFull(base: broken, edited: suggested, "suggestions draw on every ID")

        var unreadable = base
        unreadable[f1] = "---\nid: [unclosed\n---\n"
        try assertSameAsFull(base: base, edited: unreadable, "a document that no longer reads")
        try assertSameAsFull(base: unreadable, edited: base, "and reads again")
    }

    /// `related` links reach across components one way: the referring finding's diagnostics
    /// follow its target, and a change to the referrer needs the target read alongside.
    func testRelatedFindingsAcrossPostmortems() throws {
        var base = try Self.exampleFiles()
        let referrer = "postmortems/PM-2026-001-checkout-db-disk-full/findings/F-2026-001-02-stale-failover-runbook.md"
        let target = "postmortems/PM-2026-003-export-bucket-exposure/findings/F-2026-003-01-public-read-acl.md"
        base[referrer] = base[referrer]!.replacingFirst(#/\ntitle:/#, with: "\nrelated: [F-2026-003-01]\ntitle:")
        var deleted = base
        deleted[target] = nil
        try assertSameAsFull(base: base, edited: deleted, "the referrer's link breaks")
        try assertSameAsFull(base: deleted, edited: base, "and is whole again")
        var renamed = base
        renamed[target] = renamed[target]!.replacingOccurrences(of: "id: F-2026-003-01", with: "id: F-2026-003-09")
        try assertSameAsFull(base: base, edited: renamed, "the target's ID changes")
        var retyped = base
        Self.copy(&retyped, "postmortems/PM-2026-004-password-reset-delay/remediations/R-2026-004-01-provider-status-feed.md",
                  to: "postmortems/PM-2026-004-password-reset-delay/remediations/R-2026-003-01-x.md", id: "R-2026-004-01", as: "F-2026-003-01")
        try assertSameAsFull(base: base, edited: retyped, "a second document takes the target's ID")
        var edited = base
        edited[referrer] = edited[referrer]! + "\nMore detail.\n"
        try assertSameAsFull(base: base, edited: edited, "the referrer changes; its target is read alongside")
    }

    func testRandomEditsAgreeWithFullValidation() throws {
        let base = try Self.exampleFiles()
        var random = SplitMix64(seed: 20261128)
        for round in 0..<150 {
            var from = base
            for _ in 0..<Int(random.next() % 3) { Self.mutate(&from, &random) }
            var to = from
            for _ in 0..<(1 + Int(random.next() % 4)) { Self.mutate(&to, &random) }
            try assertSameAsFull(base: from, edited: to, "round \(round)")
        }
    }

    func testTooLargeAChangeFallsBack() throws {
        let base = try Self.exampleFiles()
        var edited = base
        for path in base.keys where path.hasSuffix("postmortem.md") { edited[path] = nil }
        let (summary, ruleset) = try Self.summarise(base)
        let validator = IncrementalValidator(summary: summary, ruleset: ruleset, today: Self.today, maxAffected: 5, read: Self.reader(edited))
        XCTAssertNil(try validator.validate([Self.delta(base, edited, ruleset)]))
    }

    /// The overdue rule is judged again each day from what the summary keeps of each item, so
    /// a summary from another day gives what a full run on this day gives.
    func testSummaryHoldsOnAnotherDay() throws {
        let base = try Self.exampleFiles()
        let (summary, ruleset) = try Self.summarise(base)
        for day in ["2026-02-01", "2026-09-26", "2026-10-02", "2027-06-30"] {
            let today = Timestamp.parseDate(day)!
            let later = IncrementalValidator(summary: summary, ruleset: ruleset, today: today, read: Self.reader(base))
            let full = try Validator(ruleset: ruleset, today: today).validate(InMemorySnapshot(files: base))
            XCTAssertEqual(try later.validate([SnapshotDelta()])?.first?.diagnostics, full.allDiagnostics, day)
        }
        let overdueCounts = try ["2026-02-01", "2027-06-30"].map { day in
            try Validator(ruleset: ruleset, today: Timestamp.parseDate(day)!).validate(InMemorySnapshot(files: base)).allDiagnostics
                .filter { $0.ruleID == RuleID.overdue }.count
        }
        XCTAssertLessThan(overdueCounts[0], overdueCounts[1], "the days chosen differ in what is overdue")
    }

    func testSummaryForOtherRulesDoesNotApply() throws {
        let base = try Self.exampleFiles()
        let (summary, _) = try Self.summarise(base)
        var otherOwners = base
        otherOwners["owners.yml"] = otherOwners["owners.yml"]!.replacingOccurrences(of: "name: Bob Okafor", with: "name: Bob O.")
        let otherRules = try Self.ruleset(otherOwners)
        XCTAssertFalse(IncrementalValidator(summary: summary, ruleset: otherRules, today: Self.today, read: Self.reader(base)).isApplicable)
    }

    func testDamagedSummariesAreRejected() throws {
        let base = try Self.exampleFiles()
        let ruleset = try Self.ruleset(base)
        let bytes = try XCTUnwrap(Self.summaryBytes(base, ruleset))
        XCTAssertNotNil(SummaryFile(ByteStore(copying: bytes)))
        var random = SplitMix64(seed: 7)
        for _ in 0..<200 {
            var damaged = bytes
            damaged[Int(random.next() % UInt64(bytes.count))] ^= UInt8(1 + random.next() % 255)
            XCTAssertNil(SummaryFile(ByteStore(copying: damaged)), "a flipped byte is caught by the checksum")
        }
        for length in [0, 7, 64, 127, 128, bytes.count / 2, bytes.count - 1] {
            XCTAssertNil(SummaryFile(ByteStore(copying: Array(bytes.prefix(length)))), "truncated to \(length)")
        }
        var otherVersion = bytes
        otherVersion[SummaryFormat.Offset.version] &+= 1
        XCTAssertNil(SummaryFile(ByteStore(copying: otherVersion)))
    }

    /// A summary damaged inside but with a matching checksum (written by a buggy or hostile
    /// program) is either rejected when opened or read without ever reading out of bounds:
    /// every accessor on every record stays inside the file.
    func testDamageBehindAValidChecksumNeverReadsOutOfBounds() throws {
        let base = try Self.exampleFiles()
        let ruleset = try Self.ruleset(base)
        let bytes = try XCTUnwrap(Self.summaryBytes(base, ruleset))
        var random = SplitMix64(seed: 99)
        var opened = 0
        for _ in 0..<400 {
            var damaged = bytes
            for _ in 0..<(1 + Int(random.next() % 3)) {
                damaged[SummaryFormat.Offset.checksum + 8 + Int(random.next() % UInt64(bytes.count - 16))] = UInt8(truncatingIfNeeded: random.next())
            }
            guard let summary = SummaryFile(ByteStore(copying: Self.resealed(damaged))) else { continue }
            opened += 1
            for i in 0..<summary.documentCount {
                let path = summary.path(i)
                _ = summary.index(of: path)
                _ = (summary.contentID(i), summary.kind(i), summary.id(i), summary.diagnostics(i), summary.listedDocument(i), summary.datedInputs(i))
                let component = summary.component(i)
                _ = summary.members(of: component)
                if let id = summary.id(i) { _ = (summary.component(ofKey: id), summary.referrers(of: id)) }
            }
            let validator = IncrementalValidator(summary: summary, ruleset: ruleset, today: Self.today, maxAffected: .max, read: Self.reader(base))
            _ = try? validator.validate([Self.delta(base, base.filter { !$0.key.contains("PM-2026-001") }, ruleset)])
        }
        XCTAssertGreaterThan(opened, 0, "some damage is only found by reading (and must be read safely)")
    }

    /// Summary bytes with their checksum made to match again after a deliberate change.
    static func resealed(_ damaged: [UInt8]) -> [UInt8] {
        var damaged = damaged
        let checksum = damaged[(SummaryFormat.Offset.checksum + 8)...].withUnsafeBytes { SummaryChecksum.of($0) }
        for i in 0..<8 { damaged[SummaryFormat.Offset.checksum + i] = UInt8((checksum >> UInt64(8 * i)) & 0xFF) }
        return damaged
    }

    /// Records out of path order, or two with one path, would make lookups by binary search
    /// silently miss: such a file is not a summary, even behind a valid checksum.
    func testRecordsOutOfOrderOrRepeatedAreRejected() throws {
        let base = try Self.exampleFiles()
        let bytes = try XCTUnwrap(Self.summaryBytes(base, try Self.ruleset(base)))
        XCTAssertNotNil(SummaryFile(ByteStore(copying: bytes)))
        let first = SummaryFormat.headerSize, second = first + SummaryFormat.documentRecordSize
        func pathField(_ record: Int) -> [UInt8] { Array(bytes[(record + SummaryFormat.DocumentField.path)..<(record + SummaryFormat.DocumentField.path + 8)]) }
        var swapped = bytes
        swapped.replaceSubrange((first + SummaryFormat.DocumentField.path)..<(first + SummaryFormat.DocumentField.path + 8), with: pathField(second))
        swapped.replaceSubrange((second + SummaryFormat.DocumentField.path)..<(second + SummaryFormat.DocumentField.path + 8), with: pathField(first))
        XCTAssertNil(SummaryFile(ByteStore(copying: Self.resealed(swapped))), "two paths out of order")
        var repeated = bytes
        repeated.replaceSubrange((second + SummaryFormat.DocumentField.path)..<(second + SummaryFormat.DocumentField.path + 8), with: pathField(first))
        XCTAssertNil(SummaryFile(ByteStore(copying: Self.resealed(repeated))), "one path twice")
        XCTAssertNotNil(SummaryFile(ByteStore(copying: Self.resealed(bytes))), "resealing alone keeps it a summary")
    }

    func testTransitionsAndChangedPathsBetweenTwoStates() throws {
        let base = try Self.exampleFiles()
        let (summary, ruleset) = try Self.summarise(base)
        let pm3 = "postmortems/PM-2026-003-export-bucket-exposure/postmortem.md"
        let f2 = "postmortems/PM-2026-003-export-bucket-exposure/findings/F-2026-003-02-console-edit.md"
        var head = base
        head[f2] = head[f2]! + "\nOne more line.\n"
        var staged = head
        staged[pm3] = nil
        let before = Self.delta(base, head, ruleset), after = Self.delta(base, staged, ruleset)
        let validator = IncrementalValidator(summary: summary, ruleset: ruleset, today: Self.today, maxAffected: .max, read: Self.reader(base.merging(staged) { $1 }.merging(head) { a, _ in a }))
        let states = try XCTUnwrap(try validator.validate([before, after]))
        XCTAssertEqual(validator.changedPaths(from: before, to: after), [RepositoryPath(pm3)])
        let context = RuleContext(ruleset: ruleset, today: Self.today)
        let full = TransitionCheck.check(before: try Self.fullIndex(head, ruleset), after: try Self.fullIndex(staged, ruleset), in: context)
        XCTAssertFalse(full.isEmpty, "deleting a postmortem its findings link to is a transition problem")
        XCTAssertEqual(TransitionCheck.check(before: states[0].index, after: states[1].index, in: context), full)
    }

    // MARK: Helpers

    func assertSameAsFull(base: [String: String], edited: [String: String], _ message: String = "", file: StaticString = #filePath, line: UInt = #line) throws {
        let (summary, ruleset) = try Self.summarise(base)
        let validator = IncrementalValidator(summary: summary, ruleset: ruleset, today: Self.today, threads: 2, maxAffected: .max, read: Self.reader(edited))
        let states = try XCTUnwrap(try validator.validate([Self.delta(base, edited, ruleset)]), message, file: file, line: line)
        let full = try Validator(ruleset: ruleset, today: Self.today, threads: 1).validate(InMemorySnapshot(files: edited))
        XCTAssertEqual(states[0].diagnostics, full.allDiagnostics, message, file: file, line: line)
        XCTAssertEqual(states[0].fileCount, full.fileCount, message, file: file, line: line)
    }

    /// Adds a copy of a document under another path and ID.
    static func copy(_ files: inout [String: String], _ path: String, to newPath: String, id: String, as newID: String) {
        files[newPath] = files[path]!.replacingOccurrences(of: "id: \(id)", with: "id: \(newID)")
    }

    static func exampleFiles() throws -> [String: String] {
        let root = TestFiles.url("examples")
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            let relative = String(url.path.dropFirst(root.path.count + 1))
            guard !relative.hasPrefix("broken/") else { continue }
            files[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    static func ruleset(_ files: [String: String]) throws -> Ruleset {
        try RuleExamples.ruleset(files).get()
    }

    static func contentID(_ text: String) -> ContentID {
        let bytes = Array(text.utf8)
        let words = [Fingerprint.of(bytes), Fingerprint.of([1] + bytes), Fingerprint.of([2] + bytes)]
        return words.withUnsafeBytes { ContentID($0) }
    }

    static func summaryBytes(_ files: [String: String], _ ruleset: Ruleset) throws -> [UInt8]? {
        let result = try Validator(ruleset: ruleset, today: today).validate(InMemorySnapshot(files: files))
        let documents = Dictionary(uniqueKeysWithValues: result.index.documents.map { ($0.path, $0) })
        let paths = try Validator(ruleset: ruleset, today: today).documentPaths(in: InMemorySnapshot(files: files))
        let entries = paths.map { SummaryBuilder.Entry(path: $0, contentID: contentID(files[$0.text]!), document: documents[$0]) }
        return SummaryBuilder.build(entries, diagnostics: result.allDiagnostics, ruleset: ruleset, tree: nil)
    }

    static func summarise(_ files: [String: String]) throws -> (SummaryFile, Ruleset) {
        let ruleset = try ruleset(files)
        let bytes = try XCTUnwrap(summaryBytes(files, ruleset))
        return (try XCTUnwrap(SummaryFile(ByteStore(copying: bytes))), ruleset)
    }

    static func delta(_ from: [String: String], _ to: [String: String], _ ruleset: Ruleset) -> SnapshotDelta {
        let filter = DocumentPathFilter(roots: ruleset.configuration.roots)
        var changes: [RepositoryPath: ContentID?] = [:]
        for path in Set(from.keys).union(to.keys) where filter.matches(path) && from[path] != to[path] {
            changes.updateValue(to[path].map(contentID), forKey: RepositoryPath(path))  // nil: deleted, not "no entry"
        }
        return SnapshotDelta(changes)
    }

    static func reader(_ files: [String: String]) -> @Sendable (RepositoryPath, ContentID) throws -> [UInt8]? {
        let byID = Dictionary(files.values.map { (contentID($0), Array($0.utf8)) }, uniquingKeysWith: { a, _ in a })
        return { _, id in byID[id] }
    }

    static func fullIndex(_ files: [String: String], _ ruleset: Ruleset) throws -> RepositoryIndex {
        try Validator(ruleset: ruleset, today: today).validate(InMemorySnapshot(files: files)).index
    }

    /// One random edit of the kinds that move links, IDs, statuses and readability.
    static func mutate(_ files: inout [String: String], _ random: inout SplitMix64) {
        let documents = files.keys.filter { $0.hasSuffix(".md") }.sorted()
        guard !documents.isEmpty else { return }
        let path = documents[Int(random.next() % UInt64(documents.count))]
        let text = files[path]!
        let ids = documents.compactMap { files[$0]!.firstMatch(of: #/\nid: (\S+)/#).map { String($0.output.1) } }
        let someID = ids.isEmpty ? "F-2026-001-01" : ids[Int(random.next() % UInt64(ids.count))]
        let typo = String(someID.dropLast()) + String(random.next() % 10)
        switch random.next() % 9 {
        case 0: files[path] = nil
        case 1: files[path.replacingOccurrences(of: ".md", with: "-copy.md")] = text
        case 2: files[path] = text.replacingFirst(#/status: \S+/#, with: ["status: closed", "status: open", "status: done", "status: resolved", "status: published"][Int(random.next() % 5)])
        case 3: files[path] = text.replacingFirst(#/\n(postmortem|finding): \S+/#) { "\n\($0.output.1): \(random.next() % 2 == 0 ? someID : typo)" }
        case 4: files[path] = text.replacingFirst(#/\nid: \S+/#, with: "\nid: \(random.next() % 2 == 0 ? someID : typo)")
        case 5: files[path] = text.replacingFirst(#/\ntitle:/#, with: "\nrelated: [\(someID)]\ntitle:")
        case 6: files[path] = text.replacingFirst(#/\ntitle:/#, with: "\ntitle: [unclosed\ntitle:")
        case 7: files[String(path.dropLast(3)) + "-new.md"] = text.replacingFirst(#/\nid: \S+/#, with: "\nid: \(typo)")
        default: files[path] = text + "\nAnother paragraph.\n"
        }
    }
}

struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension String {
    func replacingFirst(_ regex: some RegexComponent, with replacement: String) -> String {
        guard let match = firstMatch(of: regex) else { return self }
        return replacingCharacters(in: match.range, with: replacement)
    }

    func replacingFirst<R: RegexComponent>(_ regex: R, with replacement: (Regex<R.RegexOutput>.Match) -> String) -> String {
        guard let match = firstMatch(of: regex) else { return self }
        return replacingCharacters(in: match.range, with: replacement(match))
    }
}

final class SummaryBuilderTests: XCTestCase {
    /// Records are encoded in stretches side by side and then placed: the file must not depend
    /// on how many stretches there were.
    func testTheFileIsTheSameWhateverTheThreads() throws {
        var files = try IncrementalValidatorTests.exampleFiles()
        var random = SplitMix64(seed: 11)
        // Broken documents too, so records point at diagnostics.
        for _ in 0..<6 { IncrementalValidatorTests.mutate(&files, &random) }
        let ruleset = try IncrementalValidatorTests.ruleset(files)
        let result = try Validator(ruleset: ruleset, today: IncrementalValidatorTests.today).validate(InMemorySnapshot(files: files))
        XCTAssertFalse(result.allDiagnostics.filter { $0.ruleID != RuleID.overdue }.isEmpty)
        let documents = Dictionary(uniqueKeysWithValues: result.index.documents.map { ($0.path, $0) })
        let entries = result.paths.map { SummaryBuilder.Entry(path: $0, contentID: IncrementalValidatorTests.contentID(files[$0.text]!), document: documents[$0]) }
        let files1 = SummaryBuilder.build(entries, diagnostics: result.allDiagnostics, ruleset: ruleset, tree: nil, threads: 1)
        XCTAssertNotNil(files1)
        for threads in [2, 3, 16] {
            let other = SummaryBuilder.build(entries, diagnostics: result.allDiagnostics, ruleset: ruleset, tree: nil, threads: threads)
            XCTAssertTrue(other == files1, "\(threads) threads give another file")
        }
        // Links worked out ahead (while the rules ran) are the ones `parts` would work out; links
        // of other entries are not used.
        let ahead = SummaryBuilder.parts(entries, diagnostics: result.allDiagnostics, ruleset: ruleset, tree: nil,
                                         links: SummaryBuilder.links(entries))?.joined
        XCTAssertTrue(ahead == files1, "links worked out ahead give another file")
        let stale = SummaryBuilder.parts(entries, diagnostics: result.allDiagnostics, ruleset: ruleset, tree: nil,
                                         links: SummaryBuilder.links(Array(entries.dropFirst())))?.joined
        XCTAssertTrue(stale == files1, "links of other entries were used")
        // Each record still says what its document says.
        let summary = try XCTUnwrap(SummaryFile(ByteStore(copying: try XCTUnwrap(files1))))
        XCTAssertEqual(summary.documentCount, entries.count)
        for i in 0..<summary.documentCount {
            let path = summary.path(i).text
            let document = documents[summary.path(i)]
            XCTAssertEqual(summary.id(i), document?.id, path)
            XCTAssertEqual(summary.kind(i), document?.kind, path)
            XCTAssertEqual(summary.listedDocument(i)?.frontMatter.objectEntries?.map(\.key), document?.listedEntries.map(\.key), path)
            XCTAssertEqual(summary.listedDocument(i)?.frontMatter, document.map { Node(.object($0.listedEntries)) }, path)
            // Read a field at a time, in place, the listed document answers as its fields do.
            let listed = summary.listedDocument(i), fields = document.map { Node(.object($0.listedEntries)) }
            for key in ListedFieldNames.all + ["summary", "absent"] {
                XCTAssertEqual(listed?.field(key), fields?[key], "\(path): \(key)")
                XCTAssertEqual(listed?.string(key), fields?[key]?.stringValue, "\(path): \(key)")
            }
            XCTAssertEqual(listed?.status, document?.status, path)
            XCTAssertEqual(listed?.parentID, document?.parentID, path)
            XCTAssertEqual(listed?.isOpen, document?.isOpen, path)
            let kept = try XCTUnwrap(summary.datedInputs(i), path)
            XCTAssertEqual(kept.map(\.ruleID), document.map { d in ruleset.rules.dated.flatMap { rule in rule.inputs(of: d, in: ruleset).map { _ in type(of: rule).description.id } } } ?? [], path)
            XCTAssertEqual(kept.map(\.input), document.map { d in ruleset.rules.dated.flatMap { $0.inputs(of: d, in: ruleset) } } ?? [], path)
            XCTAssertEqual(summary.diagnostics(i), result.allDiagnostics.filter { $0.path == summary.path(i) && $0.ruleID != RuleID.overdue }, path)
        }
        // A listed document reads the summary's bytes in place: it keeps them, and no more.
        weak var weakSummary: SummaryFile?
        var alone: ListedDocument?
        do {
            let held = try XCTUnwrap(SummaryFile(ByteStore(copying: try XCTUnwrap(files1))))
            weakSummary = held
            alone = (0..<held.documentCount).lazy.compactMap(held.listedDocument).first
        }
        XCTAssertNotNil(weakSummary, "kept by the document read from it")
        XCTAssertEqual(alone?.string("id"), alone?.id)
        alone = nil
        XCTAssertNil(weakSummary, "released with the document")
    }
}

final class FingerprintTests: XCTestCase {
    func testPiecesGiveTheFingerprintOfTheWhole() {
        var random = SplitMix64(seed: 5)
        for length in [0, 1, 7, 8, 9, 63, 64, 65, 300] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            for _ in 0..<20 {
                var stream = Fingerprint.Stream(count: bytes.count)
                var start = 0
                while start < bytes.count {
                    let end = min(bytes.count, start + Int(random.next() % 12))
                    stream.add(Array(bytes[start..<end]))
                    start = end
                }
                XCTAssertEqual(stream.value, Fingerprint.of(bytes), "\(length) bytes")
            }
        }
        XCTAssertNotEqual(Fingerprint.of([1, 2, 3]), Fingerprint.of([1, 2, 4]))
    }
}
