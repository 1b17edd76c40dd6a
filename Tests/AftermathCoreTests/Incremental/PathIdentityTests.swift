import XCTest
import PathVariants
@testable import AftermathCore

/// Paths are bytes: names that differ only in Unicode form, case, bytes that are not UTF-8,
/// spaces or depth are different files to a summary-based run as to a full one. Hundreds of
/// generated name sets (seeded) are read from a summary of an earlier state and in full; the
/// two must agree exactly.
final class PathIdentityTests: XCTestCase {
    static let seeds: ClosedRange<UInt64> = 1...300

    func testSummaryBasedRunsAgreeWithFullRunsOnGeneratedNames() throws {
        let base = try IncrementalValidatorTests.exampleFiles()
        let ruleset = try IncrementalValidatorTests.ruleset(base)
        var baseContents: [RepositoryPath: [UInt8]] = [:]
        for (path, text) in base { baseContents[RepositoryPath(path)] = Array(text.utf8) }
        for seed in Self.seeds {
            let generated = PathVariantCorpus(seed: seed)
            let corpus = generated.contents
            // Counted on the raw bytes, apart from any path type: every generated name is a file.
            let documents = base.keys.filter { $0.hasPrefix("postmortems/") && $0.hasSuffix(".md") }.count + Set(generated.files.map(\.path)).count
            var random = SeededRandom(seed ^ 0xA5A5)
            // The earlier state holds some of the names; the later one all, some rewritten.
            var before = baseContents, after = baseContents
            for (path, bytes) in corpus.sorted(by: { $0.key < $1.key }) {
                if random.next(2) == 0 { before[path] = bytes }
                after[path] = random.next(3) == 0 ? Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "owner: security", with: "owner: securty").utf8) : bytes
            }
            try assertSameAsFull(before: before, after: after, ruleset: ruleset, expectedFiles: documents, "seed \(seed)")
        }
    }

    /// Two files whose names are one name to `String` are two entries everywhere paths are kept.
    func testNamesEqualAsTextAreDifferentPaths() {
        let composed = RepositoryPath(bytes: Array("caf\u{E9}.md".utf8))
        let decomposed = RepositoryPath(bytes: Array("cafe\u{301}.md".utf8))
        XCTAssertEqual("caf\u{E9}.md", "cafe\u{301}.md", "String compares canonical equivalents equal")
        XCTAssertNotEqual(composed, decomposed)
        XCTAssertEqual(Set([composed, decomposed]).count, 2)
        XCTAssertTrue(decomposed < composed, "byte order, as git sorts: `e` (0x65) before the first byte of `é` (0xC3)")
        let latin1 = RepositoryPath(bytes: [0x63, 0x61, 0x66, 0xE9, 0x2E, 0x6D, 0x64])
        let replaced = RepositoryPath(bytes: Array("caf\u{FFFD}.md".utf8))
        XCTAssertFalse(latin1.isValidUTF8)
        XCTAssertTrue(replaced.isValidUTF8)
        XCTAssertNotEqual(latin1, replaced)
        XCTAssertEqual(latin1.description, "caf\\xE9.md", "shown with the byte escaped")
        XCTAssertEqual(RepositoryPath("a\u{1B}b").description, "a\\u{1b}b", "control characters escaped for printing")
        XCTAssertEqual(latin1.bytes, [0x63, 0x61, 0x66, 0xE9, 0x2E, 0x6D, 0x64], "the bytes kept as they were")
    }

    /// A name that is not UTF-8 is AM001 in a full run and in a summary-based one, readable or not.
    func testANameThatIsNotUTF8IsReportedEverywhere() throws {
        let base = try IncrementalValidatorTests.exampleFiles()
        let ruleset = try IncrementalValidatorTests.ruleset(base)
        var before: [RepositoryPath: [UInt8]] = [:]
        for (path, text) in base { before[RepositoryPath(path)] = Array(text.utf8) }
        var after = before
        let name = RepositoryPath(bytes: Array(PathVariantCorpus.findings.utf8) + Array("F-2026-003-11-caf".utf8) + [0xE9] + Array(".md".utf8))
        after[name] = Array(PathVariantCorpus.finding(id: "F-2026-003-11", valid: true).utf8)
        let full = try Validator(ruleset: ruleset, today: IncrementalValidatorTests.today, threads: 1).validate(InMemorySnapshot(contents: after))
        XCTAssertEqual(full.allDiagnostics.filter { $0.path == name }.map(\.ruleID), [RuleID.invalidEncoding])
        try assertSameAsFull(before: before, after: after, ruleset: ruleset)
    }

    func assertSameAsFull(before: [RepositoryPath: [UInt8]], after: [RepositoryPath: [UInt8]], ruleset: Ruleset, expectedFiles: Int? = nil, _ message: String = "",
                          file: StaticString = #filePath, line: UInt = #line) throws {
        let today = IncrementalValidatorTests.today
        func id(_ bytes: [UInt8]) -> ContentID { IncrementalValidatorTests.contentID(String(decoding: bytes, as: UTF8.self) + "\(bytes.count)\(bytes.hashValue)") }
        var ids: [[UInt8]: ContentID] = [:]
        for bytes in Array(before.values) + Array(after.values) where ids[bytes] == nil { ids[bytes] = id(bytes) }
        // The summary of the earlier state, as a full run leaves it.
        let earlier = InMemorySnapshot(contents: before)
        let result = try Validator(ruleset: ruleset, today: today, threads: 1).validate(earlier)
        let documents = Dictionary(result.index.documents.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let entries = result.paths.map { SummaryBuilder.Entry(path: $0, contentID: ids[before[$0]!]!, document: documents[$0]) }
        let bytes = try XCTUnwrap(SummaryBuilder.build(entries, diagnostics: result.allDiagnostics, ruleset: ruleset, tree: nil),
                                  message, file: file, line: line)
        let summary = try XCTUnwrap(SummaryFile(ByteStore(copying: bytes)), message, file: file, line: line)
        // The later state as a listing compared with the summary, the way git snapshots are.
        let filter = DocumentPathFilter(roots: ruleset.configuration.roots)
        let listing = ContentListing(sorting: after.keys.filter(filter.matches).map { ($0, ids[after[$0]!]!) })
        let delta = SnapshotDelta.between(summary, and: listing)
        let byID = Dictionary(after.values.map { (ids[$0]!, $0) }, uniquingKeysWith: { a, _ in a })
        let validator = IncrementalValidator(summary: summary, ruleset: ruleset, today: today, threads: 2, maxAffected: .max) { _, id in byID[id] }
        let states = try XCTUnwrap(try validator.validate([delta]), message, file: file, line: line)
        let full = try Validator(ruleset: ruleset, today: today, threads: 1).validate(InMemorySnapshot(contents: after))
        XCTAssertEqual(states[0].diagnostics, full.allDiagnostics, message, file: file, line: line)
        XCTAssertEqual(states[0].fileCount, full.fileCount, message, file: file, line: line)
        if let expectedFiles { XCTAssertEqual(full.fileCount, expectedFiles, "every name is a file of its own; \(message)", file: file, line: line) }
    }
}
