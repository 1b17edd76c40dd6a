import XCTest
import Foundation

/// The user's documentation agrees with the binary: every command `aftermath --help` lists has a
/// section in docs/commands.md and no section names a command that does not exist; the exit codes
/// documented there, in the README and in `--help` are the same, and each is the one a real
/// invocation returns.
final class DocumentationTests: XCTestCase {
    static let commandsPage = CLI.packageRoot.appendingPathComponent("docs/commands.md")
    static let readme = CLI.packageRoot.appendingPathComponent("README.md")

    func testEveryCommandHasASectionInTheCommandReference() throws {
        let page = try String(contentsOf: Self.commandsPage, encoding: .utf8)
        let commands = try subcommands(of: [])
        XCTAssertFalse(commands.isEmpty, "no subcommands found in `aftermath --help`")
        let sections = Set(headings(in: page).filter { $0 != "Exit codes" })
        for command in commands {
            XCTAssertTrue(sections.contains(command), "docs/commands.md has no `## \(command)` section")
            for nested in try subcommands(of: [command]) {
                XCTAssertTrue(page.contains("aftermath \(command) \(nested)"),
                              "docs/commands.md does not show `aftermath \(command) \(nested)`")
            }
        }
        for section in sections.subtracting(commands) {
            XCTFail("docs/commands.md has a section `## \(section)`, which is not a command of `aftermath --help`")
        }
    }

    /// The README's worked tracker configuration is one the binary accepts: laid into the
    /// examples' `.aftermath.yml`, the repository validates and `bugs` resolves each kind's URL.
    func testTheReadmesTrackerExampleIsAValidConfiguration() throws {
        let readme = try String(contentsOf: Self.readme, encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "```yaml\ntrackers:\n"), "the README shows a tracker configuration")
        let block = readme[readme.index(start.lowerBound, offsetBy: "```yaml\n".count)...]
        let yaml = String(block[..<(try XCTUnwrap(block.range(of: "```"))).lowerBound])
        let workspace = try TemporaryDirectory.holdingExamples()
        let config = workspace.url.appendingPathComponent("examples/.aftermath.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        let trackers = try XCTUnwrap(text.range(of: "trackers:\n")), policies = try XCTUnwrap(text.range(of: "policies:"))
        try Data((text[..<trackers.lowerBound] + yaml + text[policies.lowerBound...]).utf8).write(to: config)
        let validation = try CLI.aftermath(["-C", "examples", "validate", "--today", "2026-10-01"], in: workspace.url)
        XCTAssertEqual(validation.status, 0, validation.stderr)
        let bugs = try CLI.aftermath(["-C", "examples", "bugs", "--format", "csv"], in: workspace.url)
        XCTAssertEqual(bugs.status, 0, bugs.stderr)
        XCTAssertTrue(bugs.stdout.contains("https://acme.atlassian.net/browse/OPS-412"), bugs.stdout)
        for kind in ["jira", "github", "gitlab"] { XCTAssertTrue(yaml.contains("kind: \(kind)\n"), kind) }
    }

    func testDocumentedExitCodesAreTheOnesRealInvocationsReturn() throws {
        let documented = try exitCodeTable(in: String(contentsOf: Self.commandsPage, encoding: .utf8))
        let observed = try representativeExitCodes()
        XCTAssertEqual(documented.keys.sorted(), Set(observed.map(\.code)).sorted(),
                       "docs/commands.md documents other exit codes than the representative cases return")
        for (code, keyword, why) in observed {
            let meaning = try XCTUnwrap(documented[code], "exit code \(code) (\(why)) is not in docs/commands.md")
            XCTAssertTrue(meaning.lowercased().contains(keyword),
                          "docs/commands.md says exit code \(code) means \"\(meaning)\", but \(why) returns it")
        }
    }

    func testTheReadmeAndHelpListTheSameExitCodesAsTheReference() throws {
        let reference = try exitCodeTable(in: String(contentsOf: Self.commandsPage, encoding: .utf8))
        let readme = try exitCodeTable(in: String(contentsOf: Self.readme, encoding: .utf8))
        XCTAssertEqual(readme.keys.sorted(), reference.keys.sorted(), "README.md and docs/commands.md list different exit codes")
        let help = try CLI.aftermath(["--help"], in: CLI.packageRoot)
        let line = try XCTUnwrap(help.stdout.components(separatedBy: "\n\n").first { $0.hasPrefix("Exit codes:") },
                                 "`aftermath --help` has no `Exit codes:` paragraph")
        let codes = Set(line.dropFirst("Exit codes:".count).split(separator: ",").compactMap {
            Int32($0.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? "")
        })
        XCTAssertEqual(codes.sorted(), reference.keys.sorted(), "`aftermath --help` and docs/commands.md list different exit codes")
    }

    // MARK: - The binary

    /// The names under SUBCOMMANDS in `aftermath [path…] --help`.
    private func subcommands(of path: [String]) throws -> [String] {
        let help = try CLI.aftermath(path + ["--help"], in: CLI.packageRoot)
        XCTAssertEqual(help.status, 0, help.stderr)
        guard let start = help.stdout.range(of: "\nSUBCOMMANDS:\n") else { return [] }
        return help.stdout[start.upperBound...].split(separator: "\n").compactMap { line in
            // A command's line is indented by two spaces; wrapped abstracts by more.
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            let name = line.dropFirst(2).prefix { $0 != " " }
            return name.isEmpty ? nil : String(name)
        }.filter { $0 != "help" && $0 != "See" }
    }

    /// One invocation per exit code, on a copy of examples/ made a git repository: the code it
    /// returned, a word its documented meaning must contain, and what was run.
    private func representativeExitCodes() throws -> [(code: Int32, keyword: String, why: String)] {
        let today = ["--today", "2026-10-01"]
        var cases: [(code: Int32, keyword: String, why: String)] = []
        func run(_ arguments: [String], in repo: TemporaryDirectory, keyword: String, _ why: String) throws {
            let result = try CLI.aftermath(arguments, in: repo.url)
            cases.append((result.status, keyword, "\(why) (`aftermath \(arguments.joined(separator: " "))`)"))
        }

        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        try run(["validate"] + today, in: repo, keyword: "no errors", "validating the examples")
        try run(["close", "PM-2026-003", "--by", "farah"] + today, in: repo, keyword: "closure", "closing a postmortem with open items")
        try run(["validate", "--rev", "no-such-revision"] + today, in: repo, keyword: "git", "an unknown revision")
        try run(["validate", "--no-such-option"], in: repo, keyword: "usage", "an unknown option")

        let invalid = try TemporaryDirectory.examples()
        let finding = "postmortems/PM-2026-003-export-bucket-exposure/findings/F-2026-003-02-console-edit.md"
        try invalid.write(finding, try invalid.read(finding).replacingOccurrences(of: "owner: bob", with: "owner: nobody"))
        try run(["validate"] + today, in: invalid, keyword: "validation", "a document naming an unknown owner")

        let misconfigured = try TemporaryDirectory.examples()
        try misconfigured.write(".aftermath.yml", "roots: postmortems\n")
        try run(["validate"] + today, in: misconfigured, keyword: "configuration", "an `.aftermath.yml` whose roots are not a list")

        let tracked = try TemporaryDirectory.examples()
        try tracked.commitAll()
        let config = try tracked.read(".aftermath.yml")
        let withAPI = config.replacingOccurrences(of: "url: 'https://jira.acme.example/browse/{key}'",
            with: "url: 'https://jira.acme.example/browse/{key}'\n    kind: jira\n    api: 'http://127.0.0.1:9'\n    token_env: AFTERMATH_DOCS_TEST_UNSET_TOKEN")
        XCTAssertNotEqual(withAPI, config, "the examples name a Jira tracker to give an API")
        try tracked.write(".aftermath.yml", withAPI)
        try run(["bugs", "list", "--refresh"] + today, in: tracked, keyword: "tracker", "refreshing with the token variable unset")
        return cases
    }

    // MARK: - The pages

    /// The text of every level-2 heading, without backquotes.
    private func headings(in page: String) -> [String] {
        page.split(separator: "\n").filter { $0.hasPrefix("## ") }.map {
            $0.dropFirst(3).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "`", with: "")
        }
    }

    /// The first table of the `## Exit codes` section: code → meaning.
    private func exitCodeTable(in page: String) throws -> [Int32: String] {
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try XCTUnwrap(lines.firstIndex { $0 == "## Exit codes" }, "no `## Exit codes` section")
        var table: [Int32: String] = [:]
        var inTable = false
        for line in lines[(start + 1)...] {
            if line.hasPrefix("#") { break }
            guard line.hasPrefix("|") else {
                if inTable { break } else { continue }
            }
            inTable = true
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, let code = Int32(cells[1]) else { continue }
            XCTAssertNil(table[code], "exit code \(code) is documented twice")
            table[code] = cells[2]
        }
        XCTAssertFalse(table.isEmpty, "the `## Exit codes` section has no table")
        return table
    }
}
