import XCTest
import Foundation

/// Nothing outside the repository is read or written, whatever its configuration or the
/// command line names: paths with `..`, absolute paths, and symbolic links that lead out.
final class ConfinementTests: XCTestCase {
    let today = ["--today", "2026-10-01"]
    let secret = "root:$6$secret-hash-line:19000:0:99999:7:::"

    /// A repository in `repo/` beside a folder `outside/` holding a secret and valid documents.
    func makeRepository() throws -> (root: TemporaryDirectory, repo: URL) {
        let root = try TemporaryDirectory()
        let examples = try TemporaryDirectory.examples()
        try FileManager.default.copyItem(at: examples.url, to: root.path("repo"))
        try root.write("outside/shadow", secret + "\n")
        try FileManager.default.copyItem(at: root.path("repo/postmortems"), to: root.path("outside/postmortems"))
        return (root, root.path("repo"))
    }

    func configure(_ repo: URL, _ old: String, _ new: String) throws {
        let url = repo.appendingPathComponent(".aftermath.yml")
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains(old))
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    func assertConfigurationRefused(_ repo: URL, mentioning key: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for arguments in [["validate"], ["list"]] {
            let result = try CLI.aftermath(arguments + today, in: repo)
            XCTAssertEqual(result.status, 2, result.stderr, file: file, line: line)
            XCTAssertTrue(result.stderr.contains("`\(key)`"), result.stderr, file: file, line: line)
            XCTAssertTrue(result.stderr.contains("outside the repository") || result.stderr.contains("`..`"), result.stderr, file: file, line: line)
            XCTAssertFalse(result.stderr.contains("secret-hash-line"), "the outside file was read: \(result.stderr)", file: file, line: line)
        }
    }

    func testAnOwnersFileOutsideTheRepositoryIsNeitherReadNorShown() throws {
        let (root, repo) = try makeRepository()
        defer { withExtendedLifetime(root) {} }
        try configure(repo, "owners: owners.yml", "owners: ../outside/shadow")
        try assertConfigurationRefused(repo, mentioning: "owners")
        try configure(repo, "owners: ../outside/shadow", "owners: /etc/passwd")
        try assertConfigurationRefused(repo, mentioning: "owners")
    }

    /// A FIFO where a rule file belongs would never end a read: it is refused by name (exit 4),
    /// not waited on and not taken for a missing file. (The timeout only turns a hang into a
    /// failure.)
    func testAFIFOWhereARuleFileBelongsIsRefusedNotWaitedOn() throws {
        let (root, repo) = try makeRepository()
        defer { withExtendedLifetime(root) {} }
        for name in ["owners.yml", ".aftermath.yml", "schema/finding.schema.json"] {
            let url = repo.appendingPathComponent(name)
            let saved = try? Data(contentsOf: url)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: url)
            XCTAssertEqual(mkfifo(url.path, 0o644), 0, name)
            for arguments in [["validate"], ["list"]] {
                let result = try CLI.run(CLI.binary.path, arguments + today, in: repo, timeout: 60)
                XCTAssertEqual(result.status, 4, "\(name) \(arguments): \(result.stderr)")
                XCTAssertTrue(result.stderr.contains("\(name): not a regular file"), result.stderr)
            }
            try FileManager.default.removeItem(at: url)
            if let saved { try saved.write(to: url) }
        }
        XCTAssertEqual(try CLI.aftermath(["validate"] + today, in: repo).status, 0, "the repository is whole again")
    }

    func testAnOwnersFileReachedThroughASymbolicLinkIsRefused() throws {
        let (root, repo) = try makeRepository()
        try FileManager.default.createSymbolicLink(atPath: repo.appendingPathComponent("elsewhere").path, withDestinationPath: root.path("outside").path)
        try configure(repo, "owners: owners.yml", "owners: elsewhere/shadow")
        try assertConfigurationRefused(repo, mentioning: "owners")
    }

    func testRootsOutsideTheRepositoryAreRefused() throws {
        let (root, repo) = try makeRepository()
        try FileManager.default.removeItem(at: repo.appendingPathComponent("postmortems"))
        try configure(repo, "roots: [postmortems]", "roots: [../outside/postmortems]")
        try assertConfigurationRefused(repo, mentioning: "roots")
        try FileManager.default.createSymbolicLink(atPath: repo.appendingPathComponent("linked").path, withDestinationPath: root.path("outside").path)
        try configure(repo, "roots: [../outside/postmortems]", "roots: [linked/postmortems]")
        try assertConfigurationRefused(repo, mentioning: "roots")
    }

    /// A git snapshot is judged by the same rule on the configuration's text.
    func testRootsOutsideTheRepositoryAreRefusedInGitSnapshotsToo() throws {
        let (root, repo) = try makeRepository()
        defer { withExtendedLifetime(root) {} }
        try configure(repo, "roots: [postmortems]", "roots: [../outside/postmortems]")
        try CLI.git(["init", "-q", "-b", "main"], in: repo)
        try CLI.git(["add", "-A"], in: repo)
        try CLI.git(["commit", "-q", "-m", "initial"], in: repo)
        for snapshot in [["--staged"], ["--rev", "HEAD"]] {
            let result = try CLI.aftermath(["validate"] + snapshot + today, in: repo)
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(result.stderr.contains("`roots`"), result.stderr)
        }
    }

    func testASchemaFolderLinkedOutsideIsRefused() throws {
        let (root, repo) = try makeRepository()
        try root.write("outside/schemas/finding.schema.json", "{\"secret-hash-line\": ")
        try FileManager.default.createSymbolicLink(atPath: repo.appendingPathComponent("schema").path, withDestinationPath: root.path("outside/schemas").path)
        let result = try CLI.aftermath(["validate"] + today, in: repo)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("schema/finding.schema.json") && result.stderr.contains("outside the repository"), result.stderr)
        XCTAssertFalse(result.stderr.contains("secret-hash-line"), result.stderr)
    }

    func testASlugNamingAnotherFolderIsAUsageErrorAndWritesNothing() throws {
        let (root, repo) = try makeRepository()
        let before = try FileManager.default.subpathsOfDirectory(atPath: root.url.path).sorted()
        for slug in ["x/../../../../pwned", "../pwned", "a/b", "a\nb", "."] {
            let result = try CLI.aftermath(["new", "postmortem", "--title", "Pwned", "--author", "alice", "--slug", slug] + today, in: repo)
            XCTAssertEqual(result.status, 64, "\(slug): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("--slug"), result.stderr)
        }
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: root.url.path).sorted(), before)
    }

    func testValidatePathsOutsideTheRepositoryOrNamingNothingAreUsageErrors() throws {
        let (root, repo) = try makeRepository()
        for path in ["nonexistent/path", "../outside/postmortems", root.path("outside").path] {
            let result = try CLI.aftermath(["validate", path] + today, in: repo)
            XCTAssertEqual(result.status, 64, "\(path): \(result.stderr)")
        }
        let typo = try CLI.aftermath(["validate", "postmortem"] + today, in: repo)
        XCTAssertEqual(typo.status, 64)
        XCTAssertTrue(typo.stderr.contains("did you mean `postmortems`?"), typo.stderr)
        try FileManager.default.createSymbolicLink(atPath: repo.appendingPathComponent("linked").path, withDestinationPath: root.path("outside").path)
        let linked = try CLI.aftermath(["validate", "linked/postmortems"] + today, in: repo)
        XCTAssertEqual(linked.status, 64, linked.stderr)
        XCTAssertTrue(linked.stderr.contains("symbolic link"), linked.stderr)
        // Paths that exist still restrict the report as before.
        XCTAssertEqual(try CLI.aftermath(["validate", "postmortems/PM-2026-001-checkout-db-disk-full"] + today, in: repo).status, 0)
    }

    /// The digest's folder is the user's choice; a link planted there under an owner's name
    /// does not make it write elsewhere.
    func testDigestFilesDoNotFollowALinkOutOfTheirFolder() throws {
        let (root, repo) = try makeRepository()
        let out = root.path("digests")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("bob.md").path, withDestinationPath: root.path("outside/shadow").path)
        let result = try CLI.aftermath(["digest", "--output-dir", out.path] + today, in: repo)
        XCTAssertEqual(result.status, 4, result.stderr)
        XCTAssertTrue(result.stderr.contains("bob.md") && result.stderr.contains("outside"), result.stderr)
        XCTAssertEqual(try root.read("outside/shadow"), secret + "\n")
    }

    func testValidatePathsAreLookedUpInTheSnapshotBeingRead() throws {
        let (root, repo) = try makeRepository()
        defer { withExtendedLifetime(root) {} }
        try CLI.git(["init", "-q", "-b", "main"], in: repo)
        try CLI.git(["add", "-A"], in: repo)
        try CLI.git(["commit", "-q", "-m", "initial"], in: repo)
        let file = "postmortems/PM-2026-001-checkout-db-disk-full/postmortem.md"
        XCTAssertEqual(try CLI.aftermath(["validate", "--rev", "HEAD", file] + today, in: repo).status, 0)
        let typo = try CLI.aftermath(["validate", "--rev", "HEAD", String(file.dropLast())] + today, in: repo)
        XCTAssertEqual(typo.status, 64, typo.stderr)
        XCTAssertTrue(typo.stderr.contains("did you mean `\(file)`?"), typo.stderr)
        // A file only in the working tree is not in HEAD.
        try FileManager.default.copyItem(at: repo.appendingPathComponent(file), to: repo.appendingPathComponent("postmortems/new.md"))
        XCTAssertEqual(try CLI.aftermath(["validate", "--staged", "postmortems/new.md"] + today, in: repo).status, 64)
    }
}
