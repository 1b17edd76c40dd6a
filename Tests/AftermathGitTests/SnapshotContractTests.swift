import XCTest
import Foundation
import AftermathCore
@testable import AftermathGit

/// One contract for every snapshot: the in-memory one and the working-tree, index and commit
/// snapshots over a real repository must answer the same questions the same way.
final class SnapshotContractTests: XCTestCase {
    let files: [String: String] = [
        "postmortems/PM-2026-001-a/postmortem.md": "---\nid: PM-2026-001\n---\n",
        "postmortems/PM-2026-001-a/findings/F-2026-001-01-x.md": "---\nid: F-2026-001-01\n---\nbody\n",
        "postmortems-other/note.md": "not under the root\n",
        "owners.yml": "people: []\n",
    ]

    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("aftermath-contract-\(UUID().uuidString)")
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try git(["init", "-q", "-b", "main"])
        try git(["add", "-A"])
        try git(["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "init"])
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func git(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(arguments)")
    }

    func snapshots() throws -> [Snapshot] {
        let repository = try GitRepository(path: directory.path)
        return [
            InMemorySnapshot(files: files),
            WorkingTreeSnapshot(root: directory.path),
            try repository.snapshot(ofRevision: "HEAD"),
            try repository.stagedSnapshot(),
        ]
    }

    func testEverySnapshotHonoursTheContract() throws {
        for snapshot in try snapshots() {
            let label = snapshot.label
            XCTAssertEqual(try snapshot.files(under: "postmortems"),
                           ["postmortems/PM-2026-001-a/findings/F-2026-001-01-x.md", "postmortems/PM-2026-001-a/postmortem.md"], label)
            XCTAssertEqual(try snapshot.files(under: "postmortems/"), try snapshot.files(under: "postmortems"), label)
            XCTAssertEqual(try snapshot.read("owners.yml"), Array("people: []\n".utf8), label)
            XCTAssertEqual(try snapshot.read("owners.yml", upTo: 6), Array("people".utf8), label)
            XCTAssertNil(try snapshot.read("missing.md"), label)
            XCTAssertNil(try snapshot.read("postmortems"), "a folder is not a file (\(label))")
        }
    }

    func testGitSnapshotsKnowContentIDs() throws {
        let repository = try GitRepository(path: directory.path)
        let head = try repository.snapshot(ofRevision: "HEAD")
        let index = try repository.stagedSnapshot()
        XCTAssertEqual(head.contentID("owners.yml"), index.contentID("owners.yml"))
        XCTAssertEqual(head.contentID("owners.yml")?.count, 40)
        XCTAssertNil(WorkingTreeSnapshot(root: directory.path).contentID("owners.yml"))
    }

    func testErrorsCarryLibgit2Messages() throws {
        let repository = try GitRepository(path: directory.path)
        XCTAssertThrowsError(try repository.snapshot(ofRevision: "no-such-branch")) { error in
            XCTAssertTrue("\(error)".contains("no-such-branch"), "\(error)")
            XCTAssertNotEqual((error as? GitError)?.errorClass, 0)
        }
        XCTAssertThrowsError(try GitRepository(path: "/nonexistent/path"))
    }

    func testWorkingTreeDoesNotFollowSymbolicLinks() throws {
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("postmortems/link.md").path, withDestinationPath: "/etc/passwd")
        let snapshot = WorkingTreeSnapshot(root: directory.path)
        XCTAssertFalse(try snapshot.files(under: "postmortems").contains("postmortems/link.md"))
        XCTAssertNil(try snapshot.read("postmortems/link.md"))
    }
}
