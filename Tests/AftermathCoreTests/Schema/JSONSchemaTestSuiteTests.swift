import XCTest
@testable import AftermathCore

/// Runs the official JSON-Schema-Test-Suite (draft 2020-12) files for the supported keywords.
/// A group is skipped only when its schema uses a keyword outside the supported set, decided
/// mechanically by `unsupportedKeyword(in:)`, never by a hand list.
final class JSONSchemaTestSuiteTests: XCTestCase {
    static let suite = "Tests/AftermathCoreTests/Fixtures/json-schema-test-suite/draft2020-12"
    static let unsupported: Set<String> = [
        "$id", "$anchor", "$dynamicRef", "$dynamicAnchor", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems",
    ]

    struct Tally {
        var ran = 0, passed = 0, skipped = 0
        var skippedBy: [String: Int] = [:]
        var failures: [String] = []
    }

    /// The first unsupported keyword found anywhere a subschema can sit, or nil.
    static func unsupportedKeyword(in schema: Node) -> String? {
        switch schema.value {
        case .object(let entries):
            for entry in entries {
                if unsupported.contains(entry.key) { return entry.key }
                if entry.key == "$ref", let ref = entry.value.stringValue, !ref.hasPrefix("#") { return "$ref" }
                // Data-holding keywords hold values, not schemas.
                if ["enum", "const", "examples", "default", "required", "dependentRequired"].contains(entry.key) { continue }
                if ["properties", "patternProperties", "$defs"].contains(entry.key) {
                    for sub in entry.value.objectEntries ?? [] { if let k = unsupportedKeyword(in: sub.value) { return k } }
                    continue
                }
                if let k = unsupportedKeyword(in: entry.value) { return k }
            }
        case .array(let items):
            for item in items { if let k = unsupportedKeyword(in: item) { return k } }
        default: break
        }
        return nil
    }

    func run(file: String, options: SchemaOptions, into tally: inout Tally) throws {
        let groups = try TestFiles.json("\(Self.suite)/\(file)")
        for group in groups.arrayValue ?? [] {
            guard let schema = group["schema"], let tests = group["tests"]?.arrayValue else { continue }
            if let keyword = Self.unsupportedKeyword(in: schema) {
                tally.skipped += tests.count
                tally.skippedBy[keyword, default: 0] += tests.count
                continue
            }
            let groupName = group["description"]?.stringValue ?? "?"
            let compiled: CompiledSchema
            do {
                compiled = try CompiledSchema.compile(schema, options: options)
            } catch {
                tally.ran += tests.count
                tally.failures.append("\(file) / \(groupName): schema did not compile: \(error)")
                continue
            }
            for test in tests {
                guard let data = test["data"], let expected = test["valid"]?.boolValue else { continue }
                tally.ran += 1
                let valid = try compiled.isValid(data)
                let collected = try compiled.validate(data)
                if valid == expected && collected.isEmpty == expected {
                    tally.passed += 1
                } else {
                    tally.failures.append("\(file) / \(groupName) / \(test["description"]?.stringValue ?? "?"): expected \(expected), got \(valid) (\(collected.count) violations)")
                }
            }
        }
    }

    /// Every keyword file plus the optional format files, all with `format` asserted:
    /// 976 cases, of which 924 run (the suite's README gives both figures).
    func testKeywordFilesWithFormatAssertion() throws {
        let keywordFiles = try FileManager.default.contentsOfDirectory(atPath: TestFiles.url(Self.suite).path)
            .filter { $0.hasSuffix(".json") && $0 != "format.json" }.sorted()
        let files = keywordFiles + ["date", "date-time", "email", "uri"].map { "optional/format/\($0).json" }
        var tally = Tally()
        for file in files { try run(file: file, options: SchemaOptions(formatAssertion: true), into: &tally) }
        print("JSON-Schema-Test-Suite keywords: \(files.count) files, ran \(tally.ran), passed \(tally.passed), skipped \(tally.skipped) \(tally.skippedBy.sorted { $0.key < $1.key })")
        XCTAssertEqual(tally.failures, [])
        XCTAssertEqual(tally.ran + tally.skipped, 976)
        XCTAssertEqual(tally.ran, 924)
        XCTAssertEqual(tally.passed, tally.ran)
    }

    func testFormatAsAnnotation() throws {
        var tally = Tally()
        try run(file: "format.json", options: SchemaOptions(formatAssertion: false), into: &tally)
        print("JSON-Schema-Test-Suite format.json (annotation): ran \(tally.ran), passed \(tally.passed), skipped \(tally.skipped)")
        XCTAssertEqual(tally.failures, [])
        XCTAssertEqual(tally.ran, 133)
    }

    func testOptionalFormatsAsAssertion() throws {
        var tally = Tally()
        for file in ["date", "date-time", "email", "uri"] {
            try run(file: "optional/format/\(file).json", options: SchemaOptions(formatAssertion: true), into: &tally)
        }
        print("JSON-Schema-Test-Suite optional formats: ran \(tally.ran), passed \(tally.passed), skipped \(tally.skipped)")
        XCTAssertEqual(tally.failures, [])
        XCTAssertEqual(tally.skipped, 0)
        XCTAssertEqual(tally.ran, 187)
    }
}
