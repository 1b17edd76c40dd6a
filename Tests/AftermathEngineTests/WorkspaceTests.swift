import XCTest
import Foundation
import AftermathCore
@testable import AftermathEngine

/// The engine's façade on a real git repository (a copy of examples/): what it answers for
/// each state, the same through a summary as read whole, and the writes it leaves pending
/// until `finish()`.
final class WorkspaceTests: XCTestCase {
    let today = Timestamp.parseDate("2026-10-01")!
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("workspace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples")
        for item in try FileManager.default.contentsOfDirectory(atPath: examples.path) where item != "broken" {
            try FileManager.default.copyItem(at: examples.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        try git("init", "-q", "-b", "main")
        try git("add", "-A")
        try git("commit", "-q", "-m", "initial")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String { try TestGit.run(arguments, in: folder) }

    func edit(_ path: String, _ old: String, _ new: String) throws {
        let url = folder.appendingPathComponent(path)
        try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    let item = "postmortems/PM-2026-004-password-reset-delay/remediations/R-2026-004-02-route-vendor-notices.md"

    func lines(_ validation: Workspace.Validation) -> [String] { validation.diagnostics.map(TextReporter.line) }

    func testTheSameAnswerThroughTheSummaryAsReadWhole() throws {
        let workspace = Workspace(directory: folder.path)
        XCTAssertEqual(URL(fileURLWithPath: workspace.root).resolvingSymlinksInPath().path, folder.resolvingSymlinksInPath().path)
        let first = try workspace.validate(.workingTree, today: today)
        workspace.finish()
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git/aftermath").path),
                      "a full run leaves its summary, written by the time finish() returns")
        try edit(item, "owner: bob", "owner: bbo")
        let again = try Workspace(directory: folder.path).validate(.workingTree, today: today)
        let whole = try withNoSummary {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(".git/aftermath"))
            return try Workspace(directory: folder.path).validate(.workingTree, today: today)
        }
        XCTAssertEqual(lines(again), lines(whole))
        XCTAssertEqual(again.fileCount, first.fileCount)
        XCTAssertTrue(lines(again).contains { $0.contains("`owner` names `bbo`") && $0.hasSuffix("[AM206]") }, "\(lines(again))")
    }

    func testStatesAndRanges() throws {
        try edit(item, "owner: bob", "owner: bbo")
        let workspace = Workspace(directory: folder.path)
        XCTAssertEqual(try workspace.validate(.revision("HEAD"), today: today).diagnostics.filter { $0.severity == .error }.count, 0)
        XCTAssertEqual(try workspace.validate(.staged, today: today).diagnostics.filter { $0.severity == .error }.count, 0, "not staged yet")
        try git("commit", "-q", "-am", "typo")
        let range = try workspace.validate(range: "HEAD~1..HEAD", today: today)
        XCTAssertEqual(range.fileCount, 1)
        XCTAssertEqual(range.diagnostics.map(\.ruleID), ["AM206"])
        XCTAssertThrowsError(try workspace.validate(range: "HEAD", today: today)) { error in
            guard case WorkspaceError.usage(let message)? = error as? WorkspaceError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("HEAD~1..HEAD"), message)
        }
        workspace.finish()
    }

    func testPathsRestrictWhatIsReportedAndMustNameSomething() throws {
        try edit(item, "owner: bob", "owner: bbo")
        let workspace = Workspace(directory: folder.path)
        XCTAssertEqual(try workspace.validate(.workingTree, paths: ["postmortems/PM-2026-003-export-bucket-exposure"], today: today)
                        .diagnostics.filter { $0.severity == .error }, [])
        XCTAssertThrowsError(try workspace.validate(.workingTree, paths: ["postmortems/nothing-here"], today: today))
        workspace.finish()
    }

    func testListShowAndEdit() throws {
        let workspace = Workspace(directory: folder.path)
        var query = ListQuery()
        query.owner = "bob"
        XCTAssertEqual(try workspace.list(query, today: today).rows.map(\.id), ["R-2026-003-03", "R-2026-004-02"])
        query.owner = "bbo"
        XCTAssertThrowsError(try workspace.list(query, today: today)) { error in
            guard case WorkspaceError.usage(let message)? = error as? WorkspaceError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("did you mean `bob`"), message)
        }
        let tree = try workspace.show("F-2026-004-02", today: today)
        XCTAssertEqual(tree.parents.map(\.id), ["PM-2026-004"])
        XCTAssertEqual(tree.children.map(\.row.id), ["R-2026-004-02"])
        let session = try workspace.edit(today: today)
        XCTAssertEqual(try session.document("R-2026-004-02").owner, "bob")
        workspace.finish()
    }

    /// An editor's unsaved buffer is judged exactly as the same text saved: every rule, and
    /// what the pre-commit hook would refuse against HEAD as a warning.
    func testUnsavedBuffersAreJudgedAsTheWorkingTreeWithThemSaved() throws {
        let pm = "postmortems/PM-2026-001-checkout-db-disk-full/postmortem.md"
        let text = try String(contentsOf: folder.appendingPathComponent(pm), encoding: .utf8)
        let edited = text.replacingOccurrences(of: "title: ", with: "title: Rewritten ").replacingOccurrences(of: "authors: [dmitri, bob]", with: "authors: [dmitri, bbo]")
        XCTAssertNotEqual(edited, text)
        let workspace = Workspace(directory: folder.path)
        let unsaved = try workspace.validate(overlaying: [RepositoryPath(pm): Array(edited.utf8)], today: today).diagnostics
        try edited.write(to: folder.appendingPathComponent(pm), atomically: true, encoding: .utf8)
        let saved = try withNoSummary { try Workspace(directory: folder.path).validate(.workingTree, today: today) }
        XCTAssertEqual(unsaved.map(TextReporter.line), lines(saved))
        XCTAssertTrue(unsaved.contains { $0.ruleID == "AM501" && $0.severity == .warning }, "a closed postmortem changed: \(unsaved.map(TextReporter.line))")
        XCTAssertTrue(unsaved.contains { $0.ruleID == "AM206" }, "\(unsaved.map(TextReporter.line))")
    }

    private func withNoSummary<T>(_ body: () throws -> T) rethrows -> T {
        setenv("AFTERMATH_NO_CACHE", "1", 1)
        defer { unsetenv("AFTERMATH_NO_CACHE") }
        return try body()
    }
}
