import XCTest
import Foundation
import AftermathCore
import AftermathGit
import PathVariants
@testable import AftermathEngine

/// An editor session checks through the summary, and must report exactly what validating the
/// repository with the buffers saved reports: random edits of a generated repository (buffers
/// changed, opened, closed; IDs and links changed; new documents; files changed, added and
/// deleted on disk; commits that move HEAD), each check compared with `validate` run in full on
/// a copy with the buffers written. Rule files edited in a buffer make other rules than the
/// summary's: those checks read the repository whole.
final class EditorSessionTests: XCTestCase {
    let today = Timestamp.parseDate("2026-10-01")!
    var folder: URL!
    var scratch: URL!

    override func setUpWithError() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("editor-session-\(UUID().uuidString)")
        folder = base.appendingPathComponent("repo")
        scratch = base.appendingPathComponent("saved")
        try GeneratedRepository.write(to: folder, copies: 4)
        try git("init", "-q", "-b", "main")
        try git("add", "-A")
        try git("commit", "-q", "-m", "initial")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    func testChecksThroughTheSummaryEqualFullRunsOfTheBuffersSaved() throws {
        let workspace = Workspace(directory: folder.path)
        var random = SeededRandom(20261207)
        var buffers: [RepositoryPath: [UInt8]] = [:]
        var summarised = 0
        for round in 0..<40 {
            var rulesEdited = false
            for _ in 0..<(1 + Int(random.next() % 3)) {
                rulesEdited = try edit(&buffers, workspace: workspace, &random) || rulesEdited
            }
            let check = try workspace.validate(overlaying: buffers, today: today)
            let full = try saved(buffers)
            XCTAssertEqual(check.diagnostics.map(TextReporter.line), full.validation.diagnostics.map(TextReporter.line), "round \(round)")
            XCTAssertEqual(check.fileCount, full.validation.fileCount, "round \(round)")
            XCTAssertEqual(check.throughSummary, !rulesEdited, "round \(round): rule files edited: \(rulesEdited)")
            if check.throughSummary { summarised += 1 }
            try compareLookups(check.index, with: full.index, "round \(round)", &random)
            if rulesEdited {
                // Saved or dropped, so that later rounds go through a summary again.
                for path in buffers.keys where !path.hasPrefix("postmortems/") { buffers[path] = nil }
                workspace.reloadRules()
            }
        }
        XCTAssertGreaterThan(summarised, 20)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git/aftermath").path),
                       "an editor session writes nothing: the summary it made is in memory")
    }

    /// A change the summary cannot serve — the rules in a buffer — is read whole, then the
    /// next check is through the summary again once the buffer is dropped.
    func testUnsavedRulesAreJudgedWholeAndTheSummaryServesAgainAfterwards() throws {
        let workspace = Workspace(directory: folder.path)
        XCTAssertTrue(try workspace.validate(overlaying: [:], today: today).throughSummary)
        let owners = try String(contentsOf: folder.appendingPathComponent("owners.yml"), encoding: .utf8)
        workspace.reloadRules()
        let unsaved = try workspace.validate(overlaying: [RepositoryPath("owners.yml"): Array(owners.replacingOccurrences(of: "handle: carol", with: "handle: caroline").utf8)], today: today)
        XCTAssertFalse(unsaved.throughSummary)
        XCTAssertTrue(unsaved.diagnostics.contains { $0.ruleID == "AM206" && $0.message.contains("`carol`") }, "\(unsaved.diagnostics.map(TextReporter.line))")
        workspace.reloadRules()
        XCTAssertTrue(try workspace.validate(overlaying: [:], today: today).throughSummary)
    }

    // MARK: Edits

    /// One random edit; whether it edited a rule file in a buffer.
    private func edit(_ buffers: inout [RepositoryPath: [UInt8]], workspace: Workspace, _ random: inout SeededRandom) throws -> Bool {
        let documents = try documentPaths()
        let path = documents[Int(random.next() % UInt64(documents.count))]
        func text(_ path: RepositoryPath) throws -> String {
            if let buffer = buffers[path] { return String(decoding: buffer, as: UTF8.self) }
            return try String(contentsOf: folder.appendingPathComponent(path.text), encoding: .utf8)
        }
        func pick(_ values: [String]) -> String { values[Int(random.next() % UInt64(values.count))] }
        switch random.next() % 12 {
        case 0: buffers[path] = Array(try text(path).replacingFirst(#/\nowner: \S+/#, with: "\nowner: \(pick(["alice", "bob", "nobody", "sre"]))").utf8)
        case 1: buffers[path] = Array(try text(path).replacingFirst(#/\nstatus: \S+/#, with: "\nstatus: \(pick(["open", "resolved", "done", "closed", "published", "wont-fix"]))").utf8)
        case 2:
            // An ID changed: to another document's, to a new one, or to a typo.
            buffers[path] = Array(try text(path).replacingFirst(#/\nid: (\S+)/#) { match in
                "\nid: " + pick([String(match.1) + "9", "F-2026-101-01", "R-2026-203-01", "PM-2026-301", String(match.1.dropLast())])
            }.utf8)
        case 3:
            buffers[path] = Array(try text(path).replacingFirst(#/\n(postmortem|finding): \S+/#) { match in
                "\n\(match.1): " + pick(["PM-2026-101", "F-2026-204-02", "F-2026-999-01", "PM-2026-4"])
            }.utf8)
        case 4:
            // A new document, only in a buffer.
            let folder = path.text.split(separator: "/").prefix(2).joined(separator: "/")
            let new = RepositoryPath("\(folder)/remediations/R-new-\(random.next() % 1000).md")
            buffers[new] = Array(try text(path).replacingFirst(#/\nid: \S+/#, with: "\nid: R-2026-\(pick(["101", "202", "303"]))-0\(random.next() % 9)").utf8)
        case 5: buffers[path] = Array(try text(path).replacingFirst(#/\ntitle: .*/#, with: "\ntitle: Edited \(random.next() % 100)").utf8)
        case 6:
            // A buffer closed: the file on disk counts again.
            if let open = buffers.keys.sorted().first { buffers[open] = nil }
        case 7:
            // A file changed on disk (reported, as an editor reports watched files).
            let url = folder.appendingPathComponent(path.text)
            try String(contentsOf: url, encoding: .utf8).replacingFirst(#/\nowner: \S+/#, with: "\nowner: \(pick(["carol", "ghost"]))").write(to: url, atomically: true, encoding: .utf8)
            workspace.filesChanged([path])
        case 8:
            // A file deleted on disk, or a new one added.
            if random.next() % 2 == 0, buffers[path] == nil {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(path.text))
                workspace.filesChanged([path])
            } else {
                let new = RepositoryPath(path.text.replacingOccurrences(of: ".md", with: "-copy.md"))
                try Data(try text(path).utf8).write(to: folder.appendingPathComponent(new.text))
                workspace.filesChanged([new])
            }
        case 9:
            // A commit: HEAD moves.
            try git("add", "-A")
            try git("commit", "-q", "--allow-empty", "-m", "edits")
        case 10:
            let owners = try String(contentsOf: folder.appendingPathComponent("owners.yml"), encoding: .utf8)
            let edited = random.next() % 2 == 0 ? owners.replacingOccurrences(of: "handle: carol", with: "handle: caroline")
                : owners.replacingOccurrences(of: "people:\n", with: "people:\n  - handle: nobody\n    name: No Body\n")
            buffers[RepositoryPath("owners.yml")] = Array(edited.utf8)
            workspace.reloadRules()
            return true
        default:
            let schema = try XCTUnwrap(BuiltinSchemas.files["finding.schema.json"])
            buffers[RepositoryPath("schema/finding.schema.json")] = Array(schema.replacingOccurrences(of: "\"technical-lapse\"", with: "\"technical-slip\"").utf8)
            workspace.reloadRules()
            return true
        }
        return false
    }

    // MARK: The full run of the buffers saved

    /// `validate` of the working tree in full, on a copy of the repository (its git directory
    /// too, so HEAD is the same) with `buffers` written.
    private func saved(_ buffers: [RepositoryPath: [UInt8]]) throws -> (validation: Workspace.Validation, index: RepositoryIndex) {
        try? FileManager.default.removeItem(at: scratch)
        let copy = try Process.run(URL(fileURLWithPath: "/bin/cp"), arguments: ["-a", folder.path, scratch.path])
        copy.waitUntilExit()
        XCTAssertEqual(copy.terminationStatus, 0)
        try? FileManager.default.removeItem(at: scratch.appendingPathComponent(".git/aftermath"))
        for (path, bytes) in buffers {
            let url = scratch.appendingPathComponent(path.text)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        setenv("AFTERMATH_NO_CACHE", "1", 1)
        defer { unsetenv("AFTERMATH_NO_CACHE") }
        let validation = try Workspace(directory: scratch.path).validate(.workingTree, today: today)
        let snapshot = WorkingTreeSnapshot(root: scratch.path)
        let index = try Validator(ruleset: try RepositoryAccess.ruleset(from: snapshot), today: today).read(snapshot).index
        return (validation, index)
    }

    /// The lookups an editor makes agree with the full run's documents.
    private func compareLookups(_ index: EditorIndex, with full: RepositoryIndex, _ label: String, _ random: inout SeededRandom) throws {
        for kind in [DocumentKind.postmortem, .finding, .remediation] {
            XCTAssertEqual(index.documents(of: kind).map(\.id), full.documents(of: kind).map(\.id), "\(label): \(kind)")
        }
        guard !full.documents.isEmpty else { return }
        for _ in 0..<3 {
            let document = full.documents[Int(random.next() % UInt64(full.documents.count))]
            XCTAssertEqual(index.document(withID: document.id)?.path, full[document.id]?.path, "\(label): \(document.id)")
            XCTAssertEqual(index.document(atPath: document.path)?.id, document.id, label)
            XCTAssertEqual(index.document(atPath: document.path)?.location(of: "title"), document.location(of: "title"), label)
            XCTAssertEqual(index.linking(to: document.id).map { "\($0.document.path.text) \($0.field)" }.sorted(),
                           Self.linking(to: document.id, in: full), "\(label): links to \(document.id)")
            if let parent = document.parentID {
                XCTAssertEqual(index.neighbourhood(of: document).linked(to: parent, kind: document.kind).map(\.path).sorted(),
                               full.linked(to: parent, kind: document.kind).map(\.path).sorted(), "\(label): siblings of \(document.id)")
            }
        }
    }

    private static func linking(to id: String, in index: RepositoryIndex) -> [String] {
        var found: [String] = []
        for document in index.documents {
            for field in ["postmortem", "finding", "related"] where document.field(field)?.stringList.contains(id) == true {
                found.append("\(document.path.text) \(field)")
            }
        }
        return found.sorted()
    }

    private func documentPaths() throws -> [RepositoryPath] {
        let root = folder.appendingPathComponent("postmortems")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var paths: [RepositoryPath] = []
        while let name = enumerator?.nextObject() as? String {
            if name.hasSuffix(".md") { paths.append(RepositoryPath("postmortems/\(name)")) }
        }
        return paths.sorted { $0 < $1 }
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String { try TestGit.run(arguments, in: folder) }
}

/// A repository generated from examples/: each postmortem folder copied under new numbers
/// (`PM-2026-001` → `PM-2026-101`, `-201`, …), its findings and remediation items renumbered with it.
enum GeneratedRepository {
    static func write(to folder: URL, copies: Int) throws {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples")
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        for item in [".aftermath.yml", "owners.yml"] {
            try manager.copyItem(at: examples.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        let source = examples.appendingPathComponent("postmortems")
        for copy in 0..<copies {
            for name in try manager.subpathsOfDirectory(atPath: source.path) where name.hasSuffix(".md") {
                var text = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
                var path = name
                for number in ["001", "003", "004"] {
                    let renumbered = "-2026-\(copy)\(number.dropFirst())"
                    text = text.replacingOccurrences(of: "-2026-\(number)", with: renumbered)
                    path = path.replacingOccurrences(of: "-2026-\(number)", with: renumbered)
                }
                let url = folder.appendingPathComponent("postmortems/\(path)")
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
        }
    }
}

private extension String {
    func replacingFirst(_ regex: Regex<Substring>, with replacement: String) -> String {
        guard let match = firstMatch(of: regex) else { return self }
        return replacingCharacters(in: match.range, with: replacement)
    }

    func replacingFirst<Output>(_ regex: Regex<Output>, with replacement: (Regex<Output>.Match) -> String) -> String {
        guard let match = firstMatch(of: regex) else { return self }
        return replacingCharacters(in: match.range, with: replacement(match))
    }
}

extension EditorSessionTests {
    /// Files changed on disk beyond what a check through the summary re-reads (a checkout, a
    /// pull: HEAD moves with them) make a new summary once, and checks go through it again.
    func testManyFilesChangedOnDiskRenewTheSummary() throws {
        let workspace = Workspace(directory: folder.path)
        workspace.editor.maxAffected = 16
        XCTAssertTrue(try workspace.validate(overlaying: [:], today: today).throughSummary)
        let changed = try documentPaths().prefix(40)
        for path in changed {
            let url = folder.appendingPathComponent(path.text)
            try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Renamed ").write(to: url, atomically: true, encoding: .utf8)
        }
        try git("commit", "-q", "-am", "a pull")
        workspace.filesChanged(Array(changed))
        let check = try workspace.validate(overlaying: [:], today: today)
        XCTAssertTrue(check.throughSummary)
        XCTAssertEqual(check.diagnostics.map(TextReporter.line), try saved([:]).validation.diagnostics.map(TextReporter.line))
    }
}
