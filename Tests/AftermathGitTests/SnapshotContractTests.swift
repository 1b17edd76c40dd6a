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
            try repository.fastStagedSnapshot(),
            try GitTreeLookupSnapshot(tree: try repository.treeID(ofCommit: try repository.resolveCommit("HEAD")), label: "HEAD lookup", repository: repository),
            try readIdentified(),
        ]
    }

    /// The working tree walked without examining its files, to be identified as they are read.
    func readIdentified() throws -> ReadIdentifiedSnapshot {
        let walking = WorkingTreeSnapshot(root: directory.path, examinesFiles: false)
        let index = GitIndexFile.read(directory.appendingPathComponent(".git/index").path)
        return ReadIdentifiedSnapshot(base: walking, listing: try WorkingTreeIDs.listing(walking, roots: ["postmortems"], folder: "", index: index),
                                      folder: "", index: index)
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
            // A thread's reader reads what `read` reads, in path order and out of it.
            let reader = snapshot.reader()
            let documents = try snapshot.files(under: "postmortems")
            for path in documents + documents.reversed() {
                XCTAssertEqual(try reader.read(path, upTo: 1000), try snapshot.read(path, upTo: 1000), "\(path) (\(label))")
                XCTAssertEqual(try reader.read(path, upTo: 3), Array(try snapshot.read(path)!.prefix(3)), "\(path) (\(label))")
            }
            XCTAssertNil(try reader.read("postmortems/PM-2026-001-a/missing.md", upTo: 1000), label)
        }
    }

    /// Names are bytes in every snapshot: names equal as `String`s (composed and decomposed
    /// forms), one that differs only by case, and ones that are not UTF-8 (one byte apart) are
    /// separate files, listed in byte order, each read as its own content.
    func testNamesAreBytesInEverySnapshot() throws {
        let folder = Array("postmortems/PM-2026-001-a/findings/".utf8)
        let names: [[UInt8]] = [
            Array("caf\u{E9}.md".utf8), Array("cafe\u{301}.md".utf8), Array("CAF\u{C9}.md".utf8),
            [0x63, 0x61, 0x66, 0xE9, 0x2E, 0x6D, 0x64], [0x63, 0x61, 0x66, 0xE8, 0x2E, 0x6D, 0x64],
        ]
        var contents: [RepositoryPath: [UInt8]] = [:]
        for (path, text) in files { contents[RepositoryPath(path)] = Array(text.utf8) }
        for (n, name) in names.enumerated() {
            let path = folder + name
            let content = Array("---\nid: F-2026-001-0\(n + 2)\n---\nname \(n)\n".utf8)
            contents[RepositoryPath(bytes: path)] = content
            let absolute = Array(directory.path.utf8) + [UInt8(ascii: "/")] + path + [0]
            let fd = absolute.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) } }
            XCTAssertGreaterThanOrEqual(fd, 0)
            _ = content.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        try git(["add", "-A"])
        try git(["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "names"])
        let repository = try GitRepository(path: directory.path)
        let expected = contents.keys.filter { $0.hasPrefix("postmortems/") }.sorted()
        XCTAssertEqual(expected.count, 2 + names.count)
        XCTAssertEqual(Set(expected.map(\.bytes)).count, expected.count, "all distinct as bytes")
        let snapshots: [Snapshot] = [
            InMemorySnapshot(contents: contents),
            WorkingTreeSnapshot(root: directory.path),
            try repository.snapshot(ofRevision: "HEAD"),
            try repository.stagedSnapshot(),
            try repository.fastStagedSnapshot(),
            try GitTreeLookupSnapshot(tree: try repository.treeID(ofCommit: try repository.resolveCommit("HEAD")), label: "HEAD lookup", repository: repository),
            try readIdentified(),
        ]
        for snapshot in snapshots {
            let label = snapshot.label
            XCTAssertEqual(try snapshot.files(under: "postmortems"), expected, label)
            let reader = snapshot.reader()
            for path in expected {
                XCTAssertEqual(try snapshot.read(path), contents[path], "\(path) (\(label))")
                XCTAssertEqual(try reader.read(path, upTo: 1000), contents[path], "\(path) (\(label))")
            }
            let ids = snapshot.contentIdentities(expected)
            XCTAssertEqual(ids, expected.map(snapshot.contentIdentity), label)
            if ids.allSatisfy({ $0 != nil }) { XCTAssertEqual(Set(ids).count, expected.count, "one ID per content (\(label))") }
        }
        // Every name is a document of its own in a full run, and the one that is not UTF-8 is AM001.
        let ruleset = try RulesetLoader.load(from: InMemorySnapshot(files: [:])).get()
        for snapshot in snapshots {
            let result = try Validator(ruleset: ruleset, today: Timestamp.parseDate("2026-10-01")!).validate(snapshot)
            XCTAssertEqual(result.fileCount, expected.count, snapshot.label)
            let refused = Set(result.allDiagnostics.filter { $0.ruleID == RuleID.invalidEncoding }.map(\.path))
            XCTAssertEqual(refused, Set(expected.filter { !$0.isValidUTF8 }), snapshot.label)
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

    /// The index file read directly lists what libgit2 lists, in every index version git
    /// writes, with intent-to-add (extended flags) and conflict entries; damaged files are
    /// declined, not misread.
    func testIndexFileReaderAgreesWithLibgit2() throws {
        try Data("more\n".utf8).write(to: directory.appendingPathComponent("postmortems/PM-2026-001-a/extra.md"))
        try git(["add", "-N", "postmortems/PM-2026-001-a/extra.md"])
        for version in ["2", "3", "4"] {
            try git(["update-index", "--index-version", version])
            let repository = try GitRepository(path: directory.path)
            let expected = try repository.stagedSnapshot()
            let index = try XCTUnwrap(GitIndexFile.read(directory.appendingPathComponent(".git/index").path), "version \(version)")
            let listed = (0..<index.files.count).map { (index.files.path($0), index.files.contentID($0).hex) }
            XCTAssertEqual(listed.map(\.0), expected.blobs.keys.sorted(), "version \(version)")
            for (path, id) in listed { XCTAssertEqual(expected.blobs[path]?.hex, id, "\(path), version \(version)") }
        }
        let bytes = try Data(contentsOf: directory.appendingPathComponent(".git/index"))
        for length in [0, 11, 40, bytes.count / 2, bytes.count - 21] {
            let damaged = directory.appendingPathComponent("damaged-index")
            try bytes.prefix(length).write(to: damaged)
            XCTAssertNil(GitIndexFile.read(damaged.path), "truncated to \(length)")
        }
    }

    /// The index names HEAD's tree while git's cache of it is valid (after a commit) and no
    /// tree once something is staged, so its entries stand for HEAD's files only when they are.
    func testIndexFileKnowsItsTreeWhileNothingIsStaged() throws {
        let repository = try GitRepository(path: directory.path)
        let head = try repository.treeID(ofCommit: try repository.resolveCommit("HEAD"))
        let indexPath = directory.appendingPathComponent(".git/index").path
        try git(["read-tree", "HEAD"])  // the cache of the tree, as a commit leaves it
        XCTAssertEqual(GitIndexFile.read(indexPath)?.tree, head)
        let finding = "postmortems/PM-2026-001-a/findings/F-2026-001-01-x.md"
        try Data("---\nid: F-2026-001-01\n---\nstaged\n".utf8).write(to: directory.appendingPathComponent(finding))
        try git(["add", finding])
        let staged = try XCTUnwrap(GitIndexFile.read(indexPath))
        XCTAssertNil(staged.tree)
        try git(["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "staged"])
        let committed = try repository.treeID(ofCommit: try repository.resolveCommit("HEAD"))
        XCTAssertNotEqual(committed, head)
        XCTAssertEqual(GitIndexFile.read(indexPath)?.tree, committed)
    }

    /// A tree listed with the help of the index's cached trees is the tree listed by reading it,
    /// whatever the index caches: all of it, part of it (something staged), another tree's.
    func testTreeListingsThroughTheIndexMatchReadingTheTree() throws {
        let repository = try GitRepository(path: directory.path)
        let indexPath = directory.appendingPathComponent(".git/index").path
        let first = try repository.treeID(ofCommit: try repository.resolveCommit("HEAD"))
        let added = "postmortems/PM-2026-002-b/postmortem.md"
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(added).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("---\nid: PM-2026-002\n---\n".utf8).write(to: directory.appendingPathComponent(added))
        try git(["add", "-A"])
        try git(["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "second"])
        let second = try repository.treeID(ofCommit: try repository.resolveCommit("HEAD"))
        func entries(_ listing: ContentListing) -> [String] { listing.entries.map { "\($0.path) \($0.id.hex)" } }
        func check(_ situation: String) throws {
            let index = try XCTUnwrap(GitIndexFile.read(indexPath), situation)
            for tree in [first, second] {
                for (folder, roots) in [("", ["postmortems"]), ("postmortems", ["PM-2026-001-a"]), ("missing", ["x"])] {
                    let filter = DocumentPathFilter(roots: roots)
                    XCTAssertEqual(entries(try repository.listing(ofTree: tree, under: folder, matching: filter, index: index)),
                                   entries(try repository.listing(ofTree: tree, under: folder, matching: filter.matches)),
                                   "\(situation), tree \(tree.hex.prefix(7)), folder `\(folder)`")
                }
            }
        }
        try git(["read-tree", "HEAD"])
        XCTAssertEqual(GitIndexFile.read(indexPath)?.cachedTrees["postmortems/PM-2026-001-a"] != nil, true)
        try check("every tree cached")
        let finding = "postmortems/PM-2026-001-a/findings/F-2026-001-01-x.md"
        try Data("---\nid: F-2026-001-01\n---\nstaged\n".utf8).write(to: directory.appendingPathComponent(finding))
        try git(["add", finding])
        XCTAssertNil(GitIndexFile.read(indexPath)?.cachedTrees["postmortems/PM-2026-001-a"])
        XCTAssertNotNil(GitIndexFile.read(indexPath)?.cachedTrees["postmortems/PM-2026-002-b"])
        try check("one folder staged")
    }

    /// Flipped bytes anywhere in an index file: the staged snapshot is then git's listing or
    /// a clear error, never another listing. The checked reader declines every damaged file
    /// (its SHA-1 trailer no longer matches) and libgit2, reading it instead, reports the
    /// damage; the unchecked reader, whose stat data only spares hashing, reads nothing
    /// outside the file (lengths and offsets are checked, the count is not trusted).
    func testDamagedIndexFilesAreReadSafely() throws {
        let indexPath = directory.appendingPathComponent(".git/index")
        for version in ["2", "4"] {  // paths read in place (2), built from prefixes (4)
            try git(["update-index", "--index-version", version])
            let bytes = Array(try Data(contentsOf: indexPath))
            func staged() throws -> [String] {
                let snapshot = try GitRepository(path: directory.path).fastStagedSnapshot()
                return try snapshot.files(under: "").map { "\($0) \(snapshot.contentID($0) ?? "-")" }
            }
            let expected = try staged()
            XCTAssertEqual(GitIndexFile.readVerified(indexPath.path)?.files.count, expected.count, "an intact file is read")
            var (declined, errors, state): (Int, Int, UInt64) = (0, 0, 12345)
            for _ in 0..<200 {
                var damaged = bytes
                for _ in 0..<3 {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    damaged[Int((state >> 33) % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: state >> 13)
                }
                let listing = damaged.withUnsafeBytes { GitIndexFile.parse($0) }?.files
                for i in 0..<(listing?.count ?? 0) { _ = listing?.path(i) }
                try Data(damaged).write(to: indexPath)
                guard damaged != bytes else { continue }
                if GitIndexFile.readVerified(indexPath.path) == nil { declined += 1 }
                do {
                    let listing = try staged()
                    XCTAssertEqual(listing, expected, "a damaged index read as another listing (version \(version))")
                } catch {
                    errors += 1
                    XCTAssertTrue("\(error)".contains("index"), "\(error)")
                }
            }
            try Data(bytes).write(to: indexPath)
            XCTAssertEqual(declined, 200, "every damaged file declined (version \(version))")
            XCTAssertGreaterThan(errors, 150, "libgit2 reports the damage (version \(version))")
        }
    }

    /// Working-tree files get git's blob IDs: from the index while their stat data matches, by
    /// hashing once they change.
    func testWorkingTreeIDsMatchGit() throws {
        let repository = try GitRepository(path: directory.path)
        let finding = "postmortems/PM-2026-001-a/findings/F-2026-001-01-x.md"
        func ids() throws -> [String: String] {
            let listing = try WorkingTreeIDs.listing(WorkingTreeSnapshot(root: directory.path), roots: ["postmortems"], folder: "",
                                                     index: GitIndexFile.read(directory.appendingPathComponent(".git/index").path))
            return Dictionary(uniqueKeysWithValues: (0..<listing.count).map { (listing.path($0).text, listing.contentID($0).hex) })
        }
        XCTAssertEqual(try ids()[finding], try repository.stagedSnapshot().contentID(finding))
        try Data("---\nid: F-2026-001-01\n---\nchanged\n".utf8).write(to: directory.appendingPathComponent(finding))
        try git(["add", finding])
        XCTAssertEqual(try ids()[finding], try repository.stagedSnapshot().contentID(finding), "a changed file is hashed as git hashes it")
        try Data("---\nid: F-2026-001-01\n---\nunstaged\n".utf8).write(to: directory.appendingPathComponent(finding))
        XCTAssertNotEqual(try ids()[finding], try repository.stagedSnapshot().contentID(finding), "an unstaged edit is seen")
        XCTAssertEqual(try ids().count, 2)
    }

    /// A walk that does not examine files lists them with the null ID, and reading them through
    /// the snapshot's readers identifies them: git's IDs, of the bytes that were read, the same
    /// as a walk examining every file finds; a file no reader read is identified by name.
    func testDocumentsAreIdentifiedAsTheyAreRead() throws {
        let finding = "postmortems/PM-2026-001-a/findings/F-2026-001-01-x.md"  // edited, not staged
        let added = "postmortems/PM-2026-001-a/findings/F-2026-001-02-y.md"  // untracked
        let big = "postmortems/PM-2026-001-a/findings/F-2026-001-03-z.md"  // past the reading limit
        let unchanged = "postmortems/PM-2026-001-a/postmortem.md"  // as committed
        let unread = "postmortems/PM-2026-002-b/postmortem.md"  // never read
        let gone = "postmortems/PM-2026-003-c/postmortem.md"  // removed after the walk
        func url(_ path: String) -> URL { directory.appendingPathComponent(path) }
        func write(_ path: String, _ text: String) throws {
            try FileManager.default.createDirectory(at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url(path))
        }
        try write(finding, "---\nid: F-2026-001-01\n---\nunstaged edit\n")
        try write(added, "---\nid: F-2026-001-02\n---\n")
        try write(big, "---\nid: F-2026-001-03\n---\n" + String(repeating: "long body\n", count: 20))
        try write(unread, "---\nid: PM-2026-002\n---\n")
        try write(gone, "---\nid: PM-2026-003\n---\n")
        func blobID(_ path: String) throws -> ContentID { try GitRepository.blobID(of: Array(try Data(contentsOf: url(path)))) }
        func id(_ path: String) -> RepositoryPath { RepositoryPath(path) }

        let index = GitIndexFile.read(directory.appendingPathComponent(".git/index").path)
        XCTAssertNotNil(index)
        let examined = try WorkingTreeIDs.listing(WorkingTreeSnapshot(root: directory.path), roots: ["postmortems"], folder: "", index: index)
        let walking = WorkingTreeSnapshot(root: directory.path, examinesFiles: false)
        let walked = try WorkingTreeIDs.listing(walking, roots: ["postmortems"], folder: "", index: index)
        XCTAssertEqual(walked.entries.map(\.path), examined.entries.map(\.path))
        XCTAssertEqual(walked.count, 6)
        XCTAssertTrue(walked.entries.allSatisfy { $0.id == .null }, "nothing examined, nothing identified")

        let snapshot = ReadIdentifiedSnapshot(base: walking, listing: walked, folder: "", index: index)
        XCTAssertEqual(try snapshot.files(under: "postmortems"), walked.entries.map(\.path))
        let read = try blobID(finding)
        let expected: [RepositoryPath: ContentID] = [id(finding): read, id(added): try blobID(added), id(big): try blobID(big), id(unchanged): try blobID(unchanged),
                                                     id(unread): try blobID(unread), id(gone): WorkingTreeIDs.unreadableID(id(gone))]
        XCTAssertEqual(expected[id(unchanged)], examined.contentID(examined.index(of: unchanged)!))
        try FileManager.default.removeItem(at: url(gone))
        do {
            let reader = snapshot.reader()
            for path in [finding, added, big, unchanged] { XCTAssertNotNil(try reader.read(path, upTo: 64), path) }
            XCTAssertEqual(try reader.read(big, upTo: 64)?.count, 64, "cut at the limit")
            XCTAssertNil(try reader.read(gone, upTo: 64))
        }
        // The ID is that of what was read (and checked), not of what the file holds later.
        try write(finding, "---\nid: F-2026-001-01\n---\nedited after it was read\n")
        let identified = snapshot.listing
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: identified.entries.map { ($0.path, $0.id) }), expected)
        XCTAssertEqual(snapshot.contentIdentity(finding), read)
        XCTAssertEqual(snapshot.contentIdentities([added, unread]), [expected[id(added)], expected[id(unread)]])
    }

    /// IDs asked for while a reader is still about are worked out by name (what readers found
    /// is taken only once none can still be writing it), and a reader made after that only reads.
    func testIdentifyingWhileAReaderIsAboutGoesByName() throws {
        let snapshot = try readIdentified()
        let finding = "postmortems/PM-2026-001-a/findings/F-2026-001-01-x.md"
        let url = directory.appendingPathComponent(finding)
        let reader = snapshot.reader()
        XCTAssertNotNil(try reader.read(finding, upTo: 1000))
        try Data("---\nid: F-2026-001-01\n---\nchanged since it was read\n".utf8).write(to: url)
        let now = try GitRepository.blobID(of: Array(try Data(contentsOf: url)))
        XCTAssertEqual(snapshot.contentIdentity(finding), now, "by name, as the file is now")
        withExtendedLifetime(reader) {}
        let later = snapshot.reader()
        XCTAssertEqual(try later.read(finding, upTo: 1000), Array(try Data(contentsOf: url)))
        XCTAssertEqual(snapshot.listing.count, 2)
        XCTAssertEqual(snapshot.contentIdentity(finding), now)
    }

    /// git's own test for an unchanged file: same stat data, and modified before the index was
    /// written (a file modified in the same instant may have changed unseen: "racy git").
    func testStatDataDecidesWhetherTheIndexIDHolds() {
        typealias Time = GitIndexFile.FileStat.Time
        var info = stat()
        info.st_mtim = timespec(tv_sec: 100, tv_nsec: 5)
        info.st_ctim = timespec(tv_sec: 100, tv_nsec: 5)
        info.st_size = 42
        info.st_ino = 7
        let recorded = GitIndexFile.FileStat(changed: Time(seconds: 100, nanoseconds: 5), modified: Time(seconds: 100, nanoseconds: 5), inode: 7, size: 42)
        XCTAssertTrue(WorkingTreeIDs.matches(recorded, info, writtenAt: Time(seconds: 101, nanoseconds: 0)))
        XCTAssertFalse(WorkingTreeIDs.matches(recorded, info, writtenAt: Time(seconds: 100, nanoseconds: 5)), "racy: modified as the index was written")
        var grown = info
        grown.st_size = 43
        XCTAssertFalse(WorkingTreeIDs.matches(recorded, grown, writtenAt: Time(seconds: 101, nanoseconds: 0)))
        var touched = info
        touched.st_mtim.tv_nsec = 6
        XCTAssertFalse(WorkingTreeIDs.matches(recorded, touched, writtenAt: Time(seconds: 101, nanoseconds: 0)))
        var moved = info
        moved.st_ino = 8
        XCTAssertFalse(WorkingTreeIDs.matches(recorded, moved, writtenAt: Time(seconds: 101, nanoseconds: 0)))
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

    /// The working-tree scan lists, in git's order, the files git sees: names that sort
    /// differently as folders ("a" before "a-b" as a file, after it as a folder), deep and
    /// empty folders, more top folders than walking threads — but no symbolic link and nothing
    /// of a nested repository.
    func testWorkingTreeScanListsWhatGitLists() throws {
        var paths = ["postmortems/a.md", "postmortems/a-b.md", "postmortems/a0.md", "postmortems/a/x.md", "postmortems/a/b/c/d.md",
                     "postmortems/b/a.md", "postmortems/b-c/a.md", "postmortems/b.md", "postmortems/ä.md", "postmortems/Z.md"]
        paths += (0..<40).map { "postmortems/f\($0)/g/h.md" }
        for path in paths {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(path.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("postmortems/empty/deeper"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("postmortems/link.md").path, withDestinationPath: "a.md")
        let nested = directory.appendingPathComponent("postmortems/f3/nested")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: nested.appendingPathComponent("inner.md"))
        try git(["-C", nested.path, "init", "-q"])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "core.quotePath=false", "ls-files", "-z", "--cached", "--others", "postmortems"]
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // git shows a nested repository as one "folder/" entry and lists links; neither is a file here.
        let expected = output.split(separator: 0).map { RepositoryPath(bytes: $0) }
            .filter { !$0.hasSuffix("/") && $0 != "postmortems/link.md" }.sorted()
        let scanned = try WorkingTreeSnapshot(root: directory.path).scan(under: "postmortems").map(\.path)
        XCTAssertEqual(scanned, expected)
        let unexamined = try WorkingTreeSnapshot(root: directory.path, examinesFiles: false).scan(under: "postmortems")
        XCTAssertEqual(unexamined.map(\.path), expected, "the same files when they are not examined")
        XCTAssertTrue(unexamined.allSatisfy { $0.info.st_mode == 0 }, "none examined")
        XCTAssertTrue(scanned.contains("postmortems/a/b/c/d.md") && !scanned.contains { $0.text.contains("nested") })
        XCTAssertEqual(try WorkingTreeSnapshot(root: directory.path).scan(under: "postmortems/a").map(\.path), ["postmortems/a/b/c/d.md", "postmortems/a/x.md"])
        XCTAssertTrue(try WorkingTreeSnapshot(root: directory.path).scan(under: "missing").isEmpty)
    }

    /// A tree deeper than any real one is walked with a bounded number of open folders: here
    /// 300 levels under a limit of 64 open files.
    func testDeepFoldersAreWalkedWithFewOpenFiles() throws {
        var folder = directory.appendingPathComponent("postmortems/deep")
        for _ in 0..<300 { folder = folder.appendingPathComponent("d") }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: folder.appendingPathComponent("bottom.md"))
        var saved = rlimit()
        XCTAssertEqual(getrlimit(Int32(RLIMIT_NOFILE.rawValue), &saved), 0)
        var low = saved
        low.rlim_cur = 64
        XCTAssertEqual(setrlimit(Int32(RLIMIT_NOFILE.rawValue), &low), 0)
        defer { setrlimit(Int32(RLIMIT_NOFILE.rawValue), &saved) }
        let scanned = try WorkingTreeSnapshot(root: directory.path).scan(under: "postmortems").map(\.path)
        XCTAssertEqual(scanned.filter { $0.hasSuffix("bottom.md") }.count, 1)
        XCTAssertEqual(scanned.count, 3)
    }

    /// A tree with enough folders to be listed on several threads lists what git lists, in
    /// order, from the top and from a folder, filtered or not.
    func testTreeListingsMatchGitLsTree() throws {
        for n in 0..<80 {
            let folder = directory.appendingPathComponent(String(format: "postmortems/PM-2026-%03d-x/findings", n + 2))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("---\nid: F-2026-\(n)-01\n---\n".utf8).write(to: folder.appendingPathComponent("F-2026-\(n)-01-y.md"))
            try Data("---\nid: PM-2026-\(n)\n---\n".utf8).write(to: folder.deletingLastPathComponent().appendingPathComponent("postmortem.md"))
            try Data("x".utf8).write(to: folder.deletingLastPathComponent().appendingPathComponent("a-b.txt"))
        }
        try git(["add", "-A"])
        try git(["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "more"])
        let repository = try GitRepository(path: directory.path)
        let tree = try repository.treeID(ofCommit: try repository.resolveCommit("HEAD"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "ls-tree", "-r", "HEAD"]
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // `<mode> blob <id>\t<path>`
        let listed = output.split(separator: "\n").map { line -> (String, String) in
            let parts = line.split(separator: "\t", maxSplits: 1)
            return (String(parts[1]), String(parts[0].split(separator: " ")[2]))
        }
        XCTAssertGreaterThan(listed.count, 240)
        func pairs(_ listing: ContentListing) -> [String] { (0..<listing.count).map { listing.path($0).text + " " + listing.contentID($0).hex } }
        XCTAssertEqual(pairs(try repository.listing(ofTree: tree, under: "", matching: { _ in true })), listed.map { $0.0 + " " + $0.1 })
        XCTAssertEqual(pairs(try repository.listing(ofTree: tree, under: "postmortems", matching: { $0.hasSuffix(".md") })),
                       listed.filter { $0.0.hasPrefix("postmortems/") && $0.0.hasSuffix(".md") }.map { String($0.0.dropFirst(12)) + " " + $0.1 })
    }
}
