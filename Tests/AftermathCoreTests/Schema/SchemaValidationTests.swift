import XCTest
@testable import AftermathCore

final class SchemaValidationTests: XCTestCase {
    func compile(_ json: String) throws -> CompiledSchema {
        try CompiledSchema.compile(try JSONReader.read(Array(json.utf8)).get())
    }

    func testViolationsPointAtTheFieldInTheFile() throws {
        let schema = try compile(#"{"type":"object","properties":{"incident":{"type":"object","properties":{"declared_at":{"type":"string","format":"date-time"}}}},"required":["title"]}"#)
        let output = frontMatter("id: X\nincident:\n  declared_at: yesterday\n")
        let violations = try schema.validate(try XCTUnwrap(output.root))
        XCTAssertEqual(violations.map(\.keyword).sorted(), ["format", "required"])
        let format = try XCTUnwrap(violations.first { $0.keyword == "format" })
        XCTAssertEqual(format.pointer, "/incident/declared_at")
        XCTAssertEqual(format.location, SourceLocation(line: 4, column: 3))
        XCTAssertTrue(format.message.contains("`incident.declared_at`"))
    }

    /// An `if` on a field or two is answered by looking for those fields (`properties` of one or
    /// two names in a yes/no pass): the answer must be what looking up every field gives.
    func testConditionsOnAFieldOrTwo() throws {
        let schema = try compile(#"{"type":"object","allOf":[{"if":{"required":["status"],"properties":{"status":{"const":"done"}}},"then":{"required":["resolution"]}},{"if":{"required":["status","breach"],"properties":{"status":{"const":"closed"},"breach":{"const":true}}},"then":{"required":["notified"]}},{"if":{"required":["a"],"properties":{"a":{"const":1},"b":{"const":2},"c":{"const":3}}},"then":{"required":["abc"]}}]}"#)
        let cases: [(String, [String])] = [
            ("status: done\n", ["required"]), ("status: open\n", []), ("status: done\nresolution: x\n", []),
            ("other: 1\n", []),
            ("status: closed\nbreach: true\n", ["required"]), ("status: closed\nbreach: false\nnotified: x\n", []),
            ("status: closed\nbreach: false\n", []), ("breach: false\n", []), ("status: open\nbreach: true\n", []),
            ("a: 1\nb: 2\nc: 3\nnotified: x\n", ["required"]), ("a: 1\nb: 2\nc: 4\nnotified: x\n", []),
        ]
        for (yaml, expected) in cases {
            let root = try XCTUnwrap(frontMatter(yaml).root)
            XCTAssertEqual(try schema.validate(root).map(\.keyword), expected, yaml)
            XCTAssertEqual(try schema.isValid(root), expected.isEmpty, yaml)
        }
    }

    /// A thread's copy of a schema shares no storage with the original and judges alike; a
    /// ruleset is copied that way only for many documents.
    func testCopiesShareNothingAndJudgeAlike() throws {
        let original = try CompiledSchema.compile(try TestFiles.json("schema/remediation.schema.json"))
        let copy = original.copy()
        XCTAssertFalse(copy === original)
        original.nodes.withUnsafeBufferPointer { a in
            copy.nodes.withUnsafeBufferPointer { b in XCTAssertNotEqual(a.baseAddress, b.baseAddress) }
        }
        for text in ["id: R-2026-001-01\nkind: remediation\n", "id: x\nstatus: nope\ndue: 2026-02-30\n", "title: 3\n"] {
            let node = try XCTUnwrap(frontMatter(text).root)
            XCTAssertEqual(try copy.validate(node).map(\.message), try original.validate(node).map(\.message), text)
        }
        let files = try IncrementalValidatorTests.exampleFiles()
        let ruleset = try IncrementalValidatorTests.ruleset(files)
        XCTAssertTrue(ruleset.copyForThread(parsing: 10).schemas[.finding] === ruleset.schemas[.finding], "a few documents share")
        XCTAssertFalse(ruleset.copyForThread(parsing: 5000).schemas[.finding] === ruleset.schemas[.finding])
    }

    func testUnsupportedKeywordIsACompileErrorNamingIt() {
        XCTAssertThrowsError(try compile(#"{"unevaluatedProperties": false}"#)) { error in
            XCTAssertTrue("\(error)".contains("unevaluatedProperties"))
        }
        XCTAssertThrowsError(try compile(#"{"properties": {"a": {"$ref": "https://example.org/x"}}}"#))
        XCTAssertThrowsError(try compile(#"{"format": "hostnme"}"#))
        XCTAssertThrowsError(try compile(#"{"pattern": "(a)\\1"}"#))
    }

    func testRefCycleWithoutProgressFailsInsteadOfHanging() throws {
        let schema = try compile(##"{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}"##)
        XCTAssertFalse(try schema.isValid(Node(.integer(1))))
    }

    func testBuiltinSchemasMatchTheSchemaFolder() throws {
        for kind in ["postmortem", "finding", "remediation", "config", "owners"] {
            let name = "\(kind).schema.json"
            let onDisk = String(decoding: try TestFiles.bytes("schema/\(name)"), as: UTF8.self)
            XCTAssertEqual(BuiltinSchemas.files[name].map { $0 + "\n" }, onDisk, "run scripts/embed-schemas after editing schema/\(name)")
            XCTAssertNoThrow(try CompiledSchema.compile(try TestFiles.json("schema/\(name)")))
        }
    }
}
