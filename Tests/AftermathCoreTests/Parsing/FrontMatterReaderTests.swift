import XCTest
@testable import AftermathCore

final class FrontMatterReaderTests: XCTestCase {
    func value(_ yaml: String, _ key: String) -> Node.Value? {
        frontMatter(yaml).root?[key]?.value
    }

    func rules(_ yaml: String) -> [String] { frontMatter(yaml).problems.map(\.ruleID) }

    func testPositionsAreFilePositions() {
        let output = frontMatter("id: PM-2026-001\nincident:\n  declared_at: 2026-03-01T10:00:00Z\n")
        XCTAssertEqual(output.root?.entry("id")?.keyLocation, SourceLocation(line: 2, column: 1))
        XCTAssertEqual(output.root?["incident"]?.entry("declared_at")?.keyLocation, SourceLocation(line: 4, column: 3))
    }

    func testYAML12CoreSchemaTyping() {
        let yaml = "a: yes\nb: no\nc: on\nd: off\ne: true\nf: 12\ng: 1.5\nh: ~\ni: 2026-03-01\nj: '12'\nk: 0x1F\nl: False\nm: 1e3\n"
        XCTAssertEqual(value(yaml, "a"), .string("yes"))
        XCTAssertEqual(value(yaml, "b"), .string("no"))
        XCTAssertEqual(value(yaml, "c"), .string("on"))
        XCTAssertEqual(value(yaml, "d"), .string("off"))
        XCTAssertEqual(value(yaml, "e"), .bool(true))
        XCTAssertEqual(value(yaml, "f"), .integer(12))
        XCTAssertEqual(value(yaml, "g"), .number(1.5))
        XCTAssertEqual(value(yaml, "h"), .null)
        XCTAssertEqual(value(yaml, "i"), .string("2026-03-01"))
        XCTAssertEqual(value(yaml, "j"), .string("12"))
        XCTAssertEqual(value(yaml, "k"), .integer(31))
        XCTAssertEqual(value(yaml, "l"), .bool(false))
        XCTAssertEqual(value(yaml, "m"), .number(1000))
    }

    func testHugeIntegersAndSexagesimalDoNotTrap() {
        XCTAssertEqual(value("a: 99999999999999999999999\n", "a")?.jsonEquals(.number(1e23)), true)
        XCTAssertEqual(value("a: 190:20:30\n", "a"), .string("190:20:30"))
    }

    func testDuplicateKeysAreReportedAtTheSecondKey() {
        let output = frontMatter("owner: a\ntitle: t\nowner: b\n")
        XCTAssertEqual(output.problems.map(\.ruleID), [RuleID.duplicateKey])
        XCTAssertEqual(output.problems.first?.location, SourceLocation(line: 4, column: 1))
        // Quoting does not make a different key.
        XCTAssertEqual(rules("owner: a\n'owner': b\n"), [RuleID.duplicateKey])
    }

    func testRefusesAnchorsAliasesTagsMergeKeysAndNonStringKeys() {
        XCTAssertEqual(rules("a: &x 1\nb: *x\n"), [RuleID.forbiddenYAML, RuleID.forbiddenYAML])
        XCTAssertEqual(rules("a: !!python/object:os.system x\n"), [RuleID.forbiddenYAML])
        XCTAssertEqual(rules("a: !!binary aGVsbG8=\n"), [RuleID.forbiddenYAML])
        XCTAssertEqual(rules("<<: {a: 1}\n"), [RuleID.forbiddenYAML])
        XCTAssertEqual(rules("1: one\n"), [RuleID.forbiddenYAML])
        XCTAssertEqual(rules("? [a, b]\n: c\n"), [RuleID.forbiddenYAML])
        XCTAssertEqual(rules("a: .nan\nb: -.inf\n"), [RuleID.forbiddenYAML, RuleID.forbiddenYAML])
        XCTAssertEqual(rules("a: 1\n...\n---\nb: 2\n"), [RuleID.forbiddenYAML])
    }

    func testBillionLaughsIsRefusedWithoutExpansion() {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (i, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].enumerated() {
            let previous = i == 0 ? "a" : ["b", "c", "d", "e", "f", "g", "h"][i - 1]
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let output = frontMatter(yaml)
        XCTAssertTrue(output.problems.allSatisfy { $0.ruleID == RuleID.forbiddenYAML })
        XCTAssertGreaterThan(output.problems.count, 9)
        // Aliases become nulls: the tree stays as small as the text.
        XCTAssertEqual(output.root?["i"]?.arrayValue?.count, 9)
        XCTAssertEqual(output.root?["i"]?.arrayValue?.first?.value, .null)
    }

    func testDepthAndScalarLimits() {
        let deep = "a: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n"
        XCTAssertEqual(rules(deep), [RuleID.limitExceeded])
        let limits = ParseLimits(maxScalarBytes: 10)
        let long = FrontMatterReader.read(Array("a: 01234567890123\n".utf8), firstLine: 2, limits: limits)
        XCTAssertEqual(long.problems.map(\.ruleID), [RuleID.limitExceeded])
    }

    func testSyntaxErrorHasItsLocation() {
        let output = frontMatter("id: X\nbugs: [JIRA:1\nstatus: open\n")
        XCTAssertEqual(output.problems.map(\.ruleID), [RuleID.yamlSyntax])
        XCTAssertNil(output.root)
        XCTAssertEqual(output.problems.first?.location, SourceLocation(line: 3, column: 7), "where the bracket opens")
        XCTAssertEqual(output.problems.first?.message.contains("noticed at line 4, column 7"), true, output.problems.first?.message ?? "")
    }

    /// An unclosed quote is noticed only at the end of the front matter; the place to fix it
    /// is where it opens.
    func testUnclosedQuoteIsReportedWhereItOpens() {
        let output = frontMatter("id: X\nkind: finding\ntitle: 'No failover\nstatus: open\nowner: bob\n")
        XCTAssertEqual(output.problems.map(\.ruleID), [RuleID.yamlSyntax])
        XCTAssertEqual(output.problems.first?.location, SourceLocation(line: 4, column: 8))
        XCTAssertEqual(output.problems.first?.message.contains("quoted scalar"), true, output.problems.first?.message ?? "")
    }

    func testEmptyFrontMatterIsNoRoot() {
        XCTAssertNil(frontMatter("").root)
        XCTAssertEqual(frontMatter("").problems, [])
    }
}
