import XCTest
import Foundation
import AftermathCore
import PathVariants
@testable import AftermathEngine

/// Path identity at scale, through the engine the commands use: in each of 200 generated git
/// repositories (file names in composed and decomposed forms, case variants, bytes that are
/// not UTF-8, names equal once trimmed, deep paths), every snapshot kind — the working tree,
/// the index, HEAD and the range that added the names — reports with a summary of the earlier
/// state, and with none, exactly what a full uncached run reports. (The CLI test
/// `PathIdentityDifferentialTests` does the same through the binary, and a real push.)
final class PathIdentityEngineTests: XCTestCase {
    let today = Timestamp.parseDate("2026-10-01")!

    func testEverySnapshotOfTwoHundredRepositoriesAgreesWithAFullUncachedRun() throws {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples")
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("path-identity-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        for seed in UInt64(1)...200 {
            let folder = base.appendingPathComponent("r\(seed)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for item in try FileManager.default.contentsOfDirectory(atPath: examples.path) where item != "broken" {
                try FileManager.default.copyItem(at: examples.appendingPathComponent(item), to: folder.appendingPathComponent(item))
            }
            try git(folder, "init", "-q", "-b", "main")
            try git(folder, "add", "-A")
            try git(folder, "commit", "-q", "-m", "base")
            try PathVariantCorpus(seed: 1000 + seed).write(under: folder)
            try git(folder, "add", "-A")
            try git(folder, "commit", "-q", "-m", "generated")
            let summary = folder.appendingPathComponent(".git/aftermath")
            for kind in ["working tree", "index", "HEAD", "range"] {
                func run() throws -> [String] {
                    let workspace = Workspace(directory: folder.path)
                    defer { workspace.finish() }
                    let validation: Workspace.Validation
                    switch kind {
                    case "working tree": validation = try workspace.validate(.workingTree, today: today)
                    case "index": validation = try workspace.validate(.staged, today: today)
                    case "HEAD": validation = try workspace.validate(.revision("HEAD"), today: today)
                    default: validation = try workspace.validate(range: "HEAD~1..HEAD", today: today)
                    }
                    return validation.diagnostics.map(TextReporter.line) + ["\(validation.fileCount) read"]
                }
                let reference = try uncached(run)
                XCTAssertTrue(reference.contains { $0.contains("[AM") && $0.contains(": error: ") }, "seed \(seed) \(kind): the generated errors are found")
                // A summary of the state before the generated names, then none.
                try? FileManager.default.removeItem(at: summary)
                let earlier = Workspace(directory: folder.path)
                XCTAssertEqual(try earlier.validate(.revision("HEAD~1"), today: today).diagnostics.errorCount, 0)
                earlier.finish()
                XCTAssertEqual(try run(), reference, "seed \(seed) \(kind), with a summary of the earlier state")
                try? FileManager.default.removeItem(at: summary)
                XCTAssertEqual(try run(), reference, "seed \(seed) \(kind), without a summary")
            }
            try FileManager.default.removeItem(at: folder)
        }
    }

    private func uncached<T>(_ body: () throws -> T) rethrows -> T {
        setenv("AFTERMATH_NO_CACHE", "1", 1)
        defer { unsetenv("AFTERMATH_NO_CACHE") }
        return try body()
    }

    private func git(_ folder: URL, _ arguments: String...) throws { try TestGit.run(arguments, in: folder) }
}
