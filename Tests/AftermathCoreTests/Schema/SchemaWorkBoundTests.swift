import XCTest
@testable import AftermathCore

/// Schemas whose work grows with their own shape: refused when that shows in the schema,
/// stopped by the per-document budget of checks when it does not.
final class SchemaWorkBoundTests: XCTestCase {
    func compile(_ json: String) throws -> CompiledSchema {
        try CompiledSchema.compile(try JSONReader.read(Array(json.utf8)).get())
    }

    /// `d0` refers twice to `d1`, `d1` twice to `d2`, …: no cycle, yet 2^links paths.
    static func chain(links: Int, leaf: String = #"{"type": "object"}"#) -> String {
        let definitions = (0..<links).map { ##""d\##($0)": {"allOf": [{"$ref": "#/$defs/d\##($0 + 1)"}, {"$ref": "#/$defs/d\##($0 + 1)"}]}"## }
        return ##"{"$ref": "#/$defs/d0", "$defs": {"## + definitions.joined(separator: ", ") + ", \"d\(links)\": \(leaf)}}"
    }

    func testASchemaWhosePathsMultiplyIsRefusedNamingTheDefinition() throws {
        XCTAssertThrowsError(try compile(Self.chain(links: 40))) { error in
            let compileError = error as? SchemaCompileError
            XCTAssertEqual(compileError?.pointer, "/$defs/d25", "the definition below which the paths first pass the bound")
            XCTAssertTrue("\(error)".hasPrefix("#/$defs/d25: its subschemas and `$ref`s form more than 100000 paths"), "\(error)")
        }
        XCTAssertThrowsError(try compile(#"{"properties": {"a": "# + Self.chain(links: 20).replacing("#/$defs/", with: "#/properties/a/$defs/") + "}}"),
                             "a chain inside a property") { XCTAssertEqual(($0 as? SchemaCompileError)?.pointer, "/properties/a/$defs/d5") }
        XCTAssertThrowsError(try compile(#"{"$defs": {"unused": "# + Self.chain(links: 20).replacing("#/$defs/", with: "#/$defs/unused/$defs/") + "}}"),
                             "a definition nothing refers to is still refused")
        XCTAssertNoThrow(try compile(Self.chain(links: 12)), "thousands of paths are allowed")
    }

    func testRecursiveSchemasAreNotMultipliedOut() throws {
        // Recursion is bounded by the document's depth, not by the schema: each counts once.
        XCTAssertNoThrow(try compile(##"{"type": "object", "properties": {"left": {"$ref": "#"}, "right": {"$ref": "#"}, "children": {"items": {"$ref": "#"}}}}"##))
        XCTAssertNoThrow(try compile(##"{"$defs": {"a": {"anyOf": [{"$ref": "#/$defs/b"}, {"$ref": "#/$defs/b"}]}, "b": {"anyOf": [{"$ref": "#/$defs/a"}, {"type": "string"}]}}, "$ref": "#/$defs/a"}"##))
    }

    func testEvaluationStopsWhenItsBudgetIsSpent() throws {
        let schema = try compile(Self.chain(links: 12))
        let instance = Node(.object([]))
        XCTAssertEqual(try schema.validate(instance), [], "within the default budget")
        XCTAssertThrowsError(try schema.validate(instance, maxChecks: 1000)) { error in
            XCTAssertEqual(error as? SchemaWorkExceeded, SchemaWorkExceeded(maxChecks: 1000))
        }
        XCTAssertThrowsError(try schema.isValid(instance, maxChecks: 1000))
        let invalid = Node(.string("x"))
        XCTAssertThrowsError(try schema.validate(invalid, maxChecks: 1000), "the collecting pass is bounded too")
        XCTAssertEqual(try schema.validate(invalid).count, 1 << 12, "one violation for each path, within the default budget")
    }

    /// Comparing list items pairwise is work like any other: it is taken from the budget.
    func testUniqueItemsComparisonsCountAgainstTheBudget() throws {
        let schema = try compile(#"{"uniqueItems": true}"#)
        let numbers = Node(.array((0..<1000).map { Node(.integer($0)) }))
        XCTAssertThrowsError(try schema.validate(numbers, maxChecks: 100_000))
        XCTAssertEqual(try schema.validate(numbers), [], "half a million comparisons fit the default budget")
        let strings = Node(.array((0..<3000).map { Node(.string("JIRA:OPS-\($0)")) }))
        XCTAssertEqual(try schema.validate(strings, maxChecks: 100), [], "strings are compared in one pass")
    }

    /// The duplicate reported is the one pairwise comparison finds first (the earliest item that
    /// occurs again, at its next occurrence), for strings as for other values.
    func testUniqueItemsReportsTheSameDuplicateForStringsAsForOtherValues() throws {
        let schema = try compile(#"{"properties": {"tags": {"uniqueItems": true}}}"#)
        for (yaml, pointer, message) in [
            ("tags: [a, b, b, a]\n", "/tags/3", "`tags` lists `a` twice"),
            ("tags: [1, 2, 2, 1]\n", "/tags/3", "`tags` lists 1 twice"),
            ("tags: [x, \"caf\\u00e9\", \"cafe\\u0301\", y, x]\n", "/tags/4", "`tags` lists `x` twice"),
            ("tags: [a, b, c]\n", nil, nil),
            ("tags: [" + (0..<20).map { "x\($0)" }.joined(separator: ", ") + ", x5, x3]\n", "/tags/21", "`tags` lists `x3` twice"),
            ("tags: [" + (0..<20).map { "x\($0)" }.joined(separator: ", ") + ", 5, 3, 5]\n", "/tags/22", "`tags` lists 5 twice"),
        ] {
            let violations = try schema.validate(try XCTUnwrap(frontMatter(yaml).root))
            XCTAssertEqual(violations.map(\.pointer), pointer.map { [$0] } ?? [], yaml)
            XCTAssertEqual(violations.map(\.message), message.map { [$0] } ?? [], yaml)
        }
    }

    /// In a repository: a schema that passes the loading check but spends a document's budget
    /// gives that document an AM007 error naming the schema; the budget is `limits.max_schema_checks`.
    func testADocumentOverTheBudgetIsALimitErrorNamingTheSchema() throws {
        var files = RuleExamples.merged([
            ".aftermath.yml": "roots: [postmortems]\nowners: owners.yml\nlimits: {max_schema_checks: 1000}\n",
            "schema/finding.schema.json": Self.chain(links: 12),
        ])
        let today = try XCTUnwrap(Timestamp.parseDate(RuleExamples.today))
        func diagnostics() throws -> [Diagnostic] {
            let ruleset = try RulesetLoader.load(from: InMemorySnapshot(files: files)).get()
            return try Validator(ruleset: ruleset, today: today).validate(InMemorySnapshot(files: files)).diagnostics
        }
        let limited = try diagnostics().filter { $0.ruleID == RuleID.limitExceeded }
        XCTAssertEqual(limited.map(\.path.text), [RuleExamples.findingPath])
        XCTAssertEqual(limited.map(\.severity), [.error])
        XCTAssertEqual(limited.first?.message, "schema/finding.schema.json needs more than 1000 checks to judge this document "
                           + "(`limits.max_schema_checks` in .aftermath.yml); checking stopped: simplify the schema's `$ref`s and `allOf`/`anyOf`/`oneOf`")
        files[".aftermath.yml"] = "roots: [postmortems]\nowners: owners.yml\n"
        XCTAssertEqual(try diagnostics().filter { $0.ruleID == RuleID.limitExceeded }, [], "the default budget is far larger")
    }

    func testTheBudgetIsConfiguredWithinBounds() throws {
        let files = RuleExamples.merged([".aftermath.yml": "roots: [postmortems]\nowners: owners.yml\nlimits: {max_schema_checks: 10}\n"])
        guard case .failure(let error) = try RulesetLoader.load(from: InMemorySnapshot(files: files)) else { return XCTFail("a budget of 10 is refused") }
        XCTAssertEqual(error.diagnostics.map(\.message), ["`limits.max_schema_checks` must be at least 1000"])
    }

    /// A repository's own configuration schema is bounded too (the configuration is not read
    /// yet, so by the default budget), and refused when loaded if its paths multiply.
    func testARepositorysConfigurationSchemaIsBoundedToo() throws {
        let files = RuleExamples.merged(["schema/config.schema.json": Self.chain(links: 20)])
        guard case .failure(let error) = try RulesetLoader.load(from: InMemorySnapshot(files: files)) else { return XCTFail("refused") }
        XCTAssertEqual(error.diagnostics.map(\.path), ["schema/config.schema.json"])
        XCTAssertTrue(error.diagnostics[0].message.hasPrefix("schema cannot be used: #/$defs/d5: its subschemas and `$ref`s form more than"),
                      error.diagnostics[0].message)
    }
}
