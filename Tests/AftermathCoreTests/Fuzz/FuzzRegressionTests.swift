import XCTest
import Foundation
@testable import AftermathCore

/// Every input the fuzzers (Fuzz/run) crashed on, kept in Tests/FuzzCrashes/<target>/ and
/// replayed through the same code path as its target, and hostile inputs of the shapes each
/// target hunts for, each with the outcome it must have.
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

    /// Every input of a folder with its expected outcome from the folder's `expected.txt`
    /// (`name: outcome` lines): each input must have one, and each line an input.
    func expectations(_ target: String) throws -> [(name: String, bytes: [UInt8], expected: String)] {
        let folder = TestFiles.url("Tests/FuzzCrashes/\(target)")
        let lines = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8).split(separator: "\n")
        var expected: [String: String] = [:]
        for line in lines where !line.hasPrefix("#") {
            guard let colon = line.firstIndex(of: ":") else { XCTFail("bad line \(line)"); continue }
            expected[String(line[..<colon])] = String(line[line.index(colon, offsetBy: 2)...])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "expected.txt" }.sorted()
        XCTAssertEqual(names, expected.keys.sorted(), "every input of \(target) has one expected outcome")
        return try names.map { ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0))), expected[$0] ?? "") }
    }

    /// What the schema target makes of `schema JSON` NUL `instance JSON`, in one line.
    static func schemaOutcome(_ bytes: [UInt8]) -> String {
        let split = bytes.firstIndex(of: 0) ?? bytes.count
        let schema: CompiledSchema
        switch JSONReader.read(Array(bytes[..<split])) {
        case .failure(let problem): return "schema unreadable: \(problem.message)"
        case .success(let node):
            do { schema = try CompiledSchema.compile(node) } catch { return "schema refused: \(error)" }
        }
        let instance: Node
        switch JSONReader.read(split < bytes.count ? Array(bytes[(split + 1)...]) : []) {
        case .failure(let problem): return "instance unreadable: \(problem.message)"
        case .success(let node): instance = node
        }
        do {
            let violations = try schema.validate(instance)
            XCTAssertEqual(try schema.isValid(instance), violations.isEmpty, "the boolean pass agrees")
            return violations.isEmpty ? "valid" : "invalid: " + violations.map { "#\($0.pointer) \($0.keyword): \($0.message)" }.joined(separator: "; ")
        } catch {
            XCTAssertThrowsError(try schema.isValid(instance), "the boolean pass stops too")
            return "stopped: more than \(error.maxChecks) checks"
        }
    }

    /// Hostile schemas and instances (runaway `$ref`s, quadratic lists, backtracking patterns,
    /// deep nesting): each ends with its stated outcome.
    func testSchemaInputs() throws {
        let inputs = try expectations("FuzzSchema")
        XCTAssertFalse(inputs.isEmpty)
        for (name, bytes, expected) in inputs { XCTAssertEqual(Self.schemaOutcome(bytes), expected, name) }
    }

    /// What the Markdown target reads in a body, in one line: sections (title and line) and
    /// Timeline entries (how many, how many with a time, the last one's event).
    static func markdownOutcome(_ bytes: [UInt8]) -> String {
        let body = MarkdownBody(bytes[...], firstLine: 5)
        let sections = body.sections.map { "\($0.title.debugDescription)@\($0.line)" }.joined(separator: ", ")
        let timed = body.timeline.filter { $0.timestamp != nil }.count
        let last = body.timeline.last.map { " last \($0.event.debugDescription)@\($0.location.line):\($0.location.column)" } ?? ""
        let text = String(decoding: bytes, as: UTF8.self)
        // Reports cut sections from the text: the cut must be the section the scan found.
        let timeline = MarkdownBody.content(of: "Timeline", in: text).map { "\($0.utf8.count) bytes" } ?? "none"
        return "sections [\(sections)]; timeline \(body.timeline.count) entries, \(timed) timed\(last); Timeline text \(timeline)"
    }

    /// Odd Markdown bodies (input ending mid-marker, lone CRs, invalid UTF-8, NUL bytes, deep
    /// quotes, unterminated fences, long timelines): each reads as stated.
    func testMarkdownInputs() throws {
        let inputs = try expectations("FuzzMarkdown")
        XCTAssertFalse(inputs.isEmpty)
        for (name, bytes, expected) in inputs { XCTAssertEqual(Self.markdownOutcome(bytes), expected, name) }
    }

    /// The lone-CR crash, stated directly: the edit is refused instead.
    func testEditorRefusesLoneCarriageReturns() {
        let text = Array("---\nid: R-1\ntitle: a\r\r\rb\nstatus: open\n---\n".utf8)
        XCTAssertThrowsError(try FrontMatterEditor.apply([FieldChange("status", .scalar("done"))], to: text))
    }
}
