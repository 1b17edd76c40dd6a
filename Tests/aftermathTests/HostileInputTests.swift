import XCTest
import Foundation

/// Hostile input: every file of Tests/HostileCorpus and a few generated ones end with their
/// expected diagnostic and exit status while the other documents of the run are still
/// checked. A watchdog kills a run that would hang (the tests never assert timings).
final class HostileInputTests: XCTestCase {
    let target = "postmortems/PM-2026-004-password-reset-delay/findings/F-2026-004-03-hostile.md"
    let today = ["--today", "2026-10-01"]

    /// Runs validate with a watchdog; returns the result and the JSON diagnostics.
    func validate(_ repo: TemporaryDirectory, format: String = "json", documents: Int = 23) throws -> (CommandResult, [[String: Any]]) {
        let watchdog = DispatchWorkItem {
            _ = try? CLI.run("/usr/bin/env", ["pkill", "-9", "-f", repo.url.lastPathComponent], in: repo.url)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
        defer { watchdog.cancel() }
        let result = try CLI.aftermath(["validate", "--format", format] + today, in: repo.url)
        XCTAssertNotEqual(result.status, 137, "killed by the watchdog: the run hung")
        guard format == "json" else { return (result, []) }
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stderr)
        XCTAssertEqual((object["summary"] as? [String: Any])?["documents"] as? Int, documents, "every other document is still checked")
        let diagnostics = try XCTUnwrap(object["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.filter { $0["rule"] as? String == "AM401" }.count, 3, "the examples' overdue warnings are still reported")
        return (result, diagnostics)
    }

    func testCorpus() throws {
        let corpus = CLI.packageRoot.appendingPathComponent("Tests/HostileCorpus")
        let expected = try String(contentsOf: corpus.appendingPathComponent("expected.txt"), encoding: .utf8)
        var checked = 0
        for line in expected.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard fields.count == 4 else { XCTFail("bad line \(line)"); continue }
            let repo = try TemporaryDirectory.examples()
            try repo.write(target, try Data(contentsOf: corpus.appendingPathComponent(fields[0])))
            let (result, diagnostics) = try validate(repo)
            XCTAssertEqual(result.status, Int32(fields[1]), "\(fields[0]): \(result.stderr)")
            let errors = diagnostics.filter { $0["severity"] as? String == "error" }
            if fields[2] == "-" {
                XCTAssertEqual(errors.count, 0, "\(fields[0]): \(errors)")
            } else {
                XCTAssertTrue(errors.allSatisfy { $0["path"] as? String == target }, "only the hostile file has errors: \(errors)")
                let expected = errors.filter { $0["rule"] as? String == fields[2] }
                XCTAssertFalse(expected.isEmpty, "\(fields[0]): \(errors)")
                let position = fields[3].split(separator: ":").compactMap { Int($0) }
                XCTAssertEqual([expected.first?["line"] as? Int, expected.first?["column"] as? Int], position.map { Optional($0) }, fields[0])
            }
            checked += 1
        }
        XCTAssertEqual(checked, 15)
    }

    func testBillionLaughsIsRefusedBeforeExpanding() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.write(target, try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Tests/HostileCorpus/billion-laughs.md")))
        let (_, diagnostics) = try validate(repo)
        XCTAssertEqual(diagnostics.filter { ($0["message"] as? String)?.contains("aliases") == true }.count, 63, "7 levels of 9 aliases, none expanded")
    }

    func testTerminalControlCharactersAreEscapedInEveryOutput() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.write(target, try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Tests/HostileCorpus/terminal-escapes.md")))
        try repo.write("postmortems/PM-2026-004-password-reset-delay/findings/\u{1B}[31mred\u{07}.md", "no front matter\n")
        let (text, _) = try validate(repo, format: "text", documents: 24)
        XCTAssertEqual(text.status, 1)
        XCTAssertFalse(text.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, text.stderr)
        XCTAssertTrue(text.stderr.contains("\\u{1b}]0;pwned\\u{7}"), text.stderr)
        XCTAssertTrue(text.stderr.contains("\\u{1b}[31mred\\u{7}.md"), text.stderr)
        let (json, _) = try validate(repo, documents: 24)
        XCTAssertFalse(json.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        let list = try CLI.aftermath(["list", "--kind", "finding", "--all", "--format", "markdown"] + today, in: repo.url)
        XCTAssertFalse(list.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    func testOversizedDeepAndBinaryFiles() throws {
        let header = "---\nid: F-2026-004-03\nkind: finding\npostmortem: PM-2026-004\ntitle: Big\ncategory: technical-lapse\nowner: erin\nbugs: [JIRA:SUP-90]\nstatus: open\n"
        let cases: [(String, Data, String)] = [
            ("deep nesting", Data((header.replacing("status: open\n", with: "status: ") + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n---\n").utf8), "AM007"),
            // libyaml's own limit (1000 levels) answers first for deeper input: a syntax error.
            ("very deep nesting", Data((header.replacing("status: open\n", with: "status: ") + String(repeating: "[", count: 50_000) + "\n---\n").utf8), "AM004"),
            ("long value", Data((header.replacing("title: Big", with: "title: " + String(repeating: "a", count: 100_000)) + "---\n").utf8), "AM007"),
            ("large front matter", Data((header + (0..<20_000).map { "# comment line \($0)" }.joined(separator: "\n") + "\n---\n").utf8), "AM007"),
            ("huge file", Data((header + "---\n" + String(repeating: "All work and no play. ", count: 100_000)).utf8), "AM007"),
            ("binary", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }), "AM001"),
        ]
        for (name, data, rule) in cases {
            let repo = try TemporaryDirectory.examples()
            try repo.write(target, data)
            let (result, diagnostics) = try validate(repo)
            XCTAssertEqual(result.status, 1, name)
            let errors = diagnostics.filter { $0["severity"] as? String == "error" }
            XCTAssertTrue(errors.contains { $0["rule"] as? String == rule }, "\(name): \(errors)")
            XCTAssertTrue(errors.allSatisfy { $0["path"] as? String == target }, name)
        }
    }

    /// A repository's own schema with a catastrophic pattern cannot hang validation: patterns
    /// run on a linear-time matcher.
    /// A file name that is not valid UTF-8 cannot be opened by its decoded name: it is reported
    /// (AM001) and the rest is checked, the same with or without git and the summary.
    func testFileNameThatIsNotUTF8() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        let name = Array(repo.path("postmortems/bad-").path.utf8) + [0xFF] + Array("-name.md".utf8) + [0]  // a C string
        let fd = name.map { CChar(bitPattern: $0) }.withUnsafeBufferPointer { open($0.baseAddress! , O_CREAT | O_WRONLY | O_EXCL, 0o644) }
        XCTAssertGreaterThanOrEqual(fd, 0)
        _ = "---\nid: x\n---\n".withCString { write(fd, $0, 13) }
        close(fd)
        let outputs = try [[:], [:], ["AFTERMATH_NO_CACHE": "1"]].map { environment in
            try CLI.aftermath(["validate", "--today", "2026-10-01"], in: repo.url, environment: environment)
        }
        for result in outputs {
            XCTAssertEqual(result.status, 1, result.stderr)
            XCTAssertTrue(result.stderr.contains("its file name is not valid UTF-8; rename it [AM001]"), result.stderr)
            XCTAssertTrue(result.stderr.contains("23 documents checked: 1 error"), result.stderr)
            XCTAssertEqual(result.stderr, outputs[0].stderr)
        }
        try FileManager.default.removeItem(at: repo.path(".git"))
        XCTAssertEqual(try CLI.aftermath(["validate", "--today", "2026-10-01"], in: repo.url).stderr, outputs[0].stderr, "outside git too")
    }

    func testCatastrophicSchemaPatternCompletes() throws {
        let repo = try TemporaryDirectory.examples()
        XCTAssertEqual(try CLI.aftermath(["init"], in: repo.url).status, 0)
        let schema = try repo.read("schema/finding.schema.json")
        try repo.write("schema/finding.schema.json", schema.replacingOccurrences(of: "\"title\": { \"type\": \"string\", \"minLength\": 1, \"maxLength\": 200 }",
                                                                                 with: "\"title\": { \"type\": \"string\", \"pattern\": \"^(a+)+$\" }"))
        let title = String(repeating: "a", count: 30_000) + "!"
        try repo.write(target, "---\nid: F-2026-004-03\nkind: finding\npostmortem: PM-2026-004\ntitle: \(title)\ncategory: technical-lapse\nowner: erin\nbugs: [JIRA:SUP-90]\nstatus: open\n---\n")
        let (result, diagnostics) = try validate(repo)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(diagnostics.contains { ($0["message"] as? String)?.contains("does not match the pattern `^(a+)+$`") == true })
        // Backreferences would need backtracking: refused as a configuration error.
        try repo.write("schema/finding.schema.json", schema.replacingOccurrences(of: "\"minLength\": 1, \"maxLength\": 200", with: "\"pattern\": \"^(a)\\\\1$\""))
        let refused = try CLI.aftermath(["validate"], in: repo.url)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("backreferences are not supported"), refused.stderr)
    }

    /// A schema whose work multiplies: refused with exit 2 naming the schema and the definition
    /// when it shows in the schema (a chain of `$defs`, each used twice by the one before); when
    /// it shows only while checking (two `$defs` that each try the other twice), every document
    /// it judges ends at the check budget with AM007, the other documents are still checked,
    /// and the run fails.
    func testRunawaySchemasEndWithAnErrorNamingTheSchema() throws {
        let repo = try TemporaryDirectory.examples()
        let chain = ##"{"$ref": "#/$defs/d0", "$defs": {"## + (0..<40).map { ##""d\##($0)": {"allOf": [{"$ref": "#/$defs/d\##($0 + 1)"}, {"$ref": "#/$defs/d\##($0 + 1)"}]}"## }
            .joined(separator: ", ") + #", "d40": true}}"#
        try repo.write("schema/postmortem.schema.json", chain)
        let refused = try CLI.run(CLI.binary.path, ["validate"] + today, in: repo.url, timeout: 600)
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertEqual(refused.stderr.split(separator: "\n").first.map(String.init),
                       "schema/postmortem.schema.json:1:1: error: schema cannot be used: #/$defs/d25: its subschemas and `$ref`s form more than 100000 paths "
                           + "(definitions that refer to the next several times multiply them), too many to check a document in bounded time; "
                           + "refer to shared definitions fewer times [config]")

        try FileManager.default.removeItem(at: repo.path("schema/postmortem.schema.json"))
        try repo.write("schema/finding.schema.json", ##"{"$defs": {"a": {"anyOf": [{"$ref": "#/$defs/b"}, {"$ref": "#/$defs/b"}]}, "b": {"anyOf": [{"$ref": "#/$defs/a"}, {"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}"##)
        let stopped = try CLI.run(CLI.binary.path, ["validate", "--format", "json"] + today, in: repo.url, timeout: 600)
        XCTAssertEqual(stopped.status, 1, stopped.stderr)
        let diagnostics = try jsonDiagnostics(stopped)
        let limited = diagnostics.filter { $0["rule"] as? String == "AM007" }
        XCTAssertEqual(limited.count, 9, "each of the examples' nine findings")
        XCTAssertTrue(limited.allSatisfy { ($0["path"] as? String)?.contains("/findings/F-") == true }, "\(limited)")
        XCTAssertTrue(limited.allSatisfy { ($0["message"] as? String)?.hasPrefix("schema/finding.schema.json needs more than 1000000 checks") == true })
        XCTAssertEqual(diagnostics.filter { $0["rule"] as? String == "AM401" }.count, 3, "the other documents are still checked")
    }

    func testSecondYAMLDocumentInAConfigurationFile() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.write("owners.yml", try repo.read("owners.yml") + "---\npeople: []\n")
        let result = try CLI.aftermath(["validate"], in: repo.url)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("second YAML document"), result.stderr)
    }
}
