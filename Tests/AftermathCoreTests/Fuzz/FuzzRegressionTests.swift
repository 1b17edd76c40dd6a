import XCTest
import Foundation
@testable import AftermathCore

/// Every input the fuzzers (Fuzz/run) crashed on, kept in Tests/FuzzCrashes/<target>/ and
/// replayed through the same code path as its target.
final class FuzzRegressionTests: XCTestCase {
    func crashes(_ target: String) throws -> [(String, [UInt8])] {
        let folder = TestFiles.url("Tests/FuzzCrashes/\(target)")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("crash-") }.sorted().map {
            ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0))))
        }
    }

    func testFrontMatterCrashes() throws {
        let ruleset = try RulesetLoader.load(from: InMemorySnapshot(files: RuleExamples.base)).get()
        let inputs = try crashes("FuzzFrontMatter")
        XCTAssertFalse(inputs.isEmpty)
        for (_, bytes) in inputs {
            let parsed = DocumentParser.parse(path: "postmortems/PM-2026-001-x/postmortem.md", bytes: bytes, ruleset: ruleset)
            if let document = parsed.document {
                let context = RuleContext(ruleset: ruleset, today: Timestamp(secondsSinceEpoch: 1_790_000_000))
                for rule in RuleCatalogue.documentRules { _ = rule.check(document, in: context) }
                _ = try? FrontMatterEditor.apply([FieldChange("status", .scalar("done"))], to: bytes)
            }
        }
    }

    func testSchemaCrashes() throws {
        for (_, bytes) in try crashes("FuzzSchema") {
            let split = bytes.firstIndex(of: 0) ?? bytes.count
            guard case .success(let node) = JSONReader.read(Array(bytes[..<split])), let schema = try? CompiledSchema.compile(node) else { continue }
            if case .success(let instance) = JSONReader.read(split < bytes.count ? Array(bytes[(split + 1)...]) : []) { _ = try? schema.validate(instance) }
        }
    }

    func testMarkdownCrashes() throws {
        for (_, bytes) in try crashes("FuzzMarkdown") {
            let body = MarkdownBody(bytes[...], firstLine: 5)
            _ = body.timeline.map(\.event)
            _ = MarkdownBody.content(of: "Timeline", in: String(decoding: bytes, as: UTF8.self))
        }
    }

    /// The lone-CR crash, stated directly: the edit is refused instead.
    func testEditorRefusesLoneCarriageReturns() {
        let text = Array("---\nid: R-1\ntitle: a\r\r\rb\nstatus: open\n---\n".utf8)
        XCTAssertThrowsError(try FrontMatterEditor.apply([FieldChange("status", .scalar("done"))], to: text))
    }
}
