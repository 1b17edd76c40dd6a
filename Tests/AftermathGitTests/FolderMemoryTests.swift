import XCTest
import Foundation
import AftermathCore
@testable import AftermathGit

/// A walk that takes unchanged folders from an earlier walk's listings (`FolderMemory`) finds
/// exactly what a walk listing every folder finds, whatever changed in between; it takes
/// only settled, unchanged folders from them, and ignores damaged listings.
final class FolderMemoryTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("aftermath-folders-\(UUID().uuidString)")
        var paths = ["postmortems/a.md", "postmortems/a-b.md", "postmortems/a/x.md", "postmortems/a/b/c/d.md", "postmortems/b/a.md",
                     "postmortems/b-c/a.md", "postmortems/ä.md", "postmortems/keep/one.md", "postmortems/keep/two.md", "notes/n.md"]
        paths += (0..<40).map { "postmortems/f\($0)/g/h.md" }
        var deep = "postmortems/deep"
        for _ in 0..<20 { deep += "/d" }
        paths.append(deep + "/bottom.md")
        for path in paths { try write(path) }
        try FileManager.default.createDirectory(at: url("postmortems/empty/deeper"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url("postmortems/link.md").path, withDestinationPath: "a.md")
        try write("postmortems/f3/nested/inner.md")
        try FileManager.default.createDirectory(at: url("postmortems/f3/nested/.git"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func url(_ path: String) -> URL { directory.appendingPathComponent(path) }

    func write(_ path: String, _ text: String = "x") throws {
        try FileManager.default.createDirectory(at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url(path))
    }

    /// What a walk of `roots` finds, file by file, with the stat data that identifies a version.
    func walk(_ memory: FolderMemory?, roots: [String] = ["postmortems", ""]) throws -> [String] {
        let snapshot = WorkingTreeSnapshot(root: directory.path, memory: memory)
        return try roots.flatMap { root in
            try snapshot.scan(under: root).map { "\($0.path) \($0.info.st_ino) \($0.info.st_size) \($0.info.st_mtim.tv_nsec)" }
        }
    }

    /// Listings recorded by a walk that (as far as the trust rule goes) started an hour from
    /// now, so every folder here counts as settled: the tests need not wait for real time.
    func settledListings() throws -> FolderListings {
        let recording = FolderMemory(earlier: nil, startedAt: .init(seconds: FolderListings.Time.now.seconds + 3600, nanoseconds: 0))
        XCTAssertEqual(try walk(recording), try walk(nil))
        let bytes = try XCTUnwrap(recording.worthSaving(root: directory.path), "a first walk leaves listings")
        return try XCTUnwrap(FolderListings(ByteStore(copying: bytes)))
    }

    /// Sets a folder's modification time apart from the one recorded, as the clock moving on
    /// does for a change made later (a change within the same clock tick as the recording is
    /// what the trust margin is for; these tests skip that margin).
    func touch(_ folder: String) {
        var times = [timespec(tv_sec: 978_307_200, tv_nsec: 0), timespec(tv_sec: 978_307_200, tv_nsec: 0)]
        XCTAssertEqual(utimensat(AT_FDCWD, url(folder).path, &times, 0), 0)
    }

    func testUnchangedFoldersAreTakenFromTheListingsAndGiveTheSameWalk() throws {
        let listings = try settledListings()
        XCTAssertEqual(listings.root, directory.path)
        let memory = FolderMemory(earlier: listings)
        XCTAssertEqual(try walk(memory), try walk(nil))
        XCTAssertEqual(memory.listedCount, 0, "no folder listed: all came from the listings")
        XCTAssertNil(memory.worthSaving(root: directory.path), "nothing new to keep")
    }

    func testChangesAfterTheRecordingAreSeen() throws {
        let listings = try settledListings()
        try write("postmortems/keep/three.md")  // added
        touch("postmortems/keep")
        try FileManager.default.removeItem(at: url("postmortems/b/a.md"))  // removed
        touch("postmortems/b")
        try write("postmortems/new/folder/n.md")  // a new folder
        touch("postmortems")
        try FileManager.default.createDirectory(at: url("postmortems/f7/.git"), withIntermediateDirectories: true)  // now a repository
        touch("postmortems/f7")
        try FileManager.default.removeItem(at: url("postmortems/f3/nested/.git"))  // no longer one
        touch("postmortems/f3/nested")
        try FileManager.default.removeItem(at: url("postmortems/a.md"))  // a file that became a folder
        try write("postmortems/a.md/inside.md")
        try write("postmortems/f9/g/h.md", "changed content, same folder")  // a file changed: its stat data is fresh
        let memory = FolderMemory(earlier: listings)
        let walked = try walk(memory, roots: ["postmortems"])
        XCTAssertEqual(walked, try walk(nil, roots: ["postmortems"]))
        XCTAssertEqual(try walk(FolderMemory(earlier: listings)), try walk(nil))
        XCTAssertTrue(walked.contains { $0.hasPrefix("postmortems/keep/three.md ") } && walked.contains { $0.hasPrefix("postmortems/f3/nested/inner.md ") })
        XCTAssertFalse(walked.contains { $0.hasPrefix("postmortems/b/a.md ") || $0.hasPrefix("postmortems/f7/") })
        // The changed folders and the new ones were listed (postmortems, its a.md, b, f3/nested,
        // f7, keep, new and new/folder); the others were not.
        XCTAssertEqual(memory.listedCount, 8)
        XCTAssertNil(memory.worthSaving(root: directory.path), "they changed just now: listed again until they settle")
    }

    /// The listings are believed for a settled folder whose stat data is unchanged (here, a
    /// planted record leaving out a file proves they are used), never for one that changed
    /// too recently before the recording.
    func testOnlySettledUnchangedFoldersAreBelieved() throws {
        let listings = try settledListings()
        let stored = try XCTUnwrap(listings.folder(at: "postmortems/keep"))
        var planted = try XCTUnwrap(listings.record(stored))
        planted.entries.removeAll { $0.name == Array("two.md".utf8) }
        let records = [planted] + ["postmortems", ""].compactMap { listings.folder(at: $0).flatMap(listings.record) }
        func walkWith(recordedAt: FolderListings.Time) throws -> [String] {
            let bytes = FolderListings.encode(root: directory.path, recordedAt: recordedAt, records)
            return try walk(FolderMemory(earlier: FolderListings(ByteStore(copying: bytes))), roots: ["postmortems"])
        }
        let later = FolderListings.Time(seconds: FolderListings.Time.now.seconds + 3600, nanoseconds: 0)
        XCTAssertFalse(try walkWith(recordedAt: later).contains { $0.hasPrefix("postmortems/keep/two.md ") })
        XCTAssertTrue(try walkWith(recordedAt: .now).contains { $0.hasPrefix("postmortems/keep/two.md ") },
                      "a folder changed within the trust margin of the recording is listed")
    }

    /// A record naming a file that is gone (or is no longer a file) with the folder's stat data
    /// unchanged — a change made as the folder was recorded — sends the walk to list the folder.
    func testARecordThatNoLongerFitsIsListedInstead() throws {
        let listings = try settledListings()
        let later = FolderListings.Time(seconds: FolderListings.Time.now.seconds + 3600, nanoseconds: 0)
        for ghost in [("ghost.md", false), ("ghost", true)] {
            var planted = try XCTUnwrap(listings.folder(at: "postmortems/keep").flatMap(listings.record))
            planted.entries.insert((Array(ghost.0.utf8), ghost.1), at: 0)
            let records = [planted] + ["postmortems"].compactMap { listings.folder(at: $0).flatMap(listings.record) }
            let bytes = FolderListings.encode(root: directory.path, recordedAt: later, records)
            let memory = FolderMemory(earlier: FolderListings(ByteStore(copying: bytes)))
            XCTAssertEqual(try walk(memory, roots: ["postmortems"]), try walk(nil, roots: ["postmortems"]), ghost.0)
        }
    }

    func testDamagedOrForeignListingsAreNotRead() throws {
        let recording = FolderMemory(earlier: nil)
        _ = try walk(recording)
        let bytes = try XCTUnwrap(recording.worthSaving(root: directory.path))
        XCTAssertNotNil(FolderListings(ByteStore(copying: bytes)))
        for i in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            var damaged = bytes
            damaged[i] ^= 0x20
            XCTAssertNil(FolderListings(ByteStore(copying: damaged)), "byte \(i) flipped")
        }
        for length in [0, 8, 23, 24, bytes.count / 2, bytes.count - 1] {
            XCTAssertNil(FolderListings(ByteStore(copying: Array(bytes.prefix(length)))), "cut to \(length)")
        }
        XCTAssertNil(FolderListings(ByteStore(copying: bytes + [0])))
        // Names that are not plain names are never looked up, even behind a valid checksum.
        let later = FolderListings.Time(seconds: FolderListings.Time.now.seconds + 3600, nanoseconds: 0)
        let listings = try XCTUnwrap(FolderListings(ByteStore(copying: bytes)))
        for name in ["../notes", "a/b", "..", "."] {
            var planted = try XCTUnwrap(listings.folder(at: "postmortems/keep").flatMap(listings.record))
            planted.entries = [(Array(name.utf8), true)]
            let records = [planted] + ["postmortems"].compactMap { listings.folder(at: $0).flatMap(listings.record) }
            let crafted = try XCTUnwrap(FolderListings(ByteStore(copying: FolderListings.encode(root: directory.path, recordedAt: later, records))))
            XCTAssertEqual(try walk(FolderMemory(earlier: crafted), roots: ["postmortems"]), try walk(nil, roots: ["postmortems"]), name)
        }
    }

    /// Only a walk that learnt something the next can use writes: not one that took every
    /// folder from the listings, nor one whose newly listed folders are all too recent to trust.
    func testListingsAreWrittenOnlyWhenWorthIt() throws {
        let listings = try settledListings()
        try write("postmortems/keep/three.md")
        touch("postmortems/keep")
        let now = FolderListings.Time.now
        let settledLater = FolderMemory(earlier: listings, startedAt: .init(seconds: now.seconds + 3600, nanoseconds: 0))
        _ = try walk(settledLater, roots: ["postmortems"])
        XCTAssertNotNil(settledLater.worthSaving(root: directory.path))
        // The folder's change time is now (its modification time was set back): too recent.
        let tooRecent = FolderMemory(earlier: listings, startedAt: now)
        _ = try walk(tooRecent, roots: ["postmortems"])
        XCTAssertEqual(tooRecent.listedCount, 1)
        XCTAssertNil(tooRecent.worthSaving(root: directory.path))
    }
}

/// Folders are read with `getdents64` where the C library has it, with `readdir` elsewhere:
/// both give every entry with its type, over many buffer-fulls, and stop when asked.
final class FolderStreamTests: XCTestCase {
    func testGetdentsAndReaddirGiveTheSameEntries() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aftermath-stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        // Long names, so the entries fill the 32 KB buffer several times.
        for i in 0..<1500 { try Data().write(to: folder.appendingPathComponent("\(i)-" + String(repeating: "n", count: 100) + ".md")) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link").path, withDestinationPath: "sub")
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        func entries(_ read: (Int32, (UnsafePointer<CChar>, UInt8) -> Bool) -> String?, stopAfter limit: Int = .max) -> [String] {
            lseek(fd, 0, SEEK_SET)
            var seen: [String] = []
            let failure = read(fd) { name, type in
                seen.append("\(String(cString: name)) \(type)")
                return seen.count < limit
            }
            XCTAssertNil(failure)
            return seen
        }
        let fast = entries(FolderStream.forEach)
        XCTAssertEqual(fast.count, 1500 + 4)  // with ".", "..", "sub" and "link"
        XCTAssertEqual(fast.sorted(), entries(FolderStream.forEachByReaddir).sorted())
        XCTAssertTrue(fast.contains("sub \(DT_DIR)") && fast.contains("link \(DT_LNK)"))
        XCTAssertEqual(entries(FolderStream.forEach, stopAfter: 3).count, 3)
        XCTAssertEqual(entries(FolderStream.forEachByReaddir, stopAfter: 3).count, 3)
    }

    /// A folder whose entries cannot be read is an error, from both ways of reading, never an
    /// end of entries: a descriptor that can be looked in but not read (`O_PATH`) makes the
    /// kernel's own `getdents64` fail, and a walk listing such a folder fails naming it.
    func testAFolderThatCannotBeReadIsAnErrorNotAnEnd() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aftermath-unreadable-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data().write(to: folder.appendingPathComponent("a.md"))
        let fd = open(folder.path, 0o10000000 | O_DIRECTORY)  // O_PATH
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var seen = 0
        XCTAssertNotNil(FolderStream.forEach(fd) { _, _ in seen += 1; return true }, "getdents64 failed")
        XCTAssertNotNil(FolderStream.forEachByReaddir(fd) { _, _ in seen += 1; return true }, "readdir failed")
        XCTAssertEqual(seen, 0)
        XCTAssertThrowsError(try FolderReader.entries(fd, "postmortems/x", nested: true)) { error in
            XCTAssertTrue("\(error)".hasPrefix("postmortems/x: cannot list: "), "\(error)")
        }
    }
}
