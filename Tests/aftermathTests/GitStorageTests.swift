import XCTest
import Foundation

/// Reading documents from git: the index, revisions, ranges, history and commits, on real
/// repositories made with the git CLI.
final class GitStorageTests: XCTestCase {
    let today = ["--today", "2026-10-01"]
    let item = "postmortems/PM-2026-003-export-bucket-exposure/remediations/R-2026-003-03-remove-console-write.md"
    let finding = "postmortems/PM-2026-004-password-reset-delay/findings/F-2026-004-02-vendor-notices-unmonitored.md"

    func repository() throws -> TemporaryDirectory {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        return repo
    }

    func replace(_ repo: TemporaryDirectory, _ path: String, _ old: String, _ new: String) throws {
        let text = try repo.read(path)
        XCTAssertTrue(text.contains(old), "\(path) lacks \(old)")
        try repo.write(path, text.replacingOccurrences(of: old, with: new))
    }

    func status(_ arguments: [String], in repo: TemporaryDirectory) throws -> Int32 {
        try CLI.aftermath(arguments + today, in: repo.url).status
    }

    func testStagedContentIsJudgedNotTheWorkingTree() throws {
        let repo = try repository()
        try replace(repo, item, "owner: bob", "owner: bbo")
        XCTAssertEqual(try status(["validate"], in: repo), 1)
        XCTAssertEqual(try status(["validate", "--staged"], in: repo), 0, "the broken edit is not staged")
        try CLI.git(["add", item], in: repo.url)
        let staged = try CLI.aftermath(["validate", "--staged"] + today, in: repo.url)
        XCTAssertEqual(staged.status, 1)
        XCTAssertTrue(staged.stderr.contains("[AM206]"))
        try replace(repo, item, "owner: bbo", "owner: bob")
        XCTAssertEqual(try status(["validate"], in: repo), 0)
        XCTAssertEqual(try status(["validate", "--staged"], in: repo), 1, "the fix is not staged yet")
    }

    func testStagedDeletionsAndRenames() throws {
        let repo = try repository()
        try CLI.git(["rm", "-q", finding], in: repo.url)
        let deleted = try CLI.aftermath(["validate", "--staged"] + today, in: repo.url)
        XCTAssertEqual(deleted.status, 1)
        XCTAssertTrue(deleted.stderr.contains("`finding` links to `F-2026-004-02`, which does not exist"), deleted.stderr)
        try CLI.git(["reset", "-q", "--hard"], in: repo.url)
        let moved = "postmortems/PM-2026-004-password-reset-delay/findings/F-2026-004-02-renamed.md"
        try CLI.git(["mv", finding, moved], in: repo.url)
        XCTAssertEqual(try status(["validate", "--staged"], in: repo), 0)
        try CLI.git(["mv", moved, "postmortems/PM-2026-004-password-reset-delay/findings/F-2026-004-07-wrong.md"], in: repo.url)
        let misnamed = try CLI.aftermath(["validate", "--staged"] + today, in: repo.url)
        XCTAssertTrue(misnamed.stderr.contains("file name says `F-2026-004-07`"), misnamed.stderr)
    }

    func testRevisionsTagsShortHashesAndDetachedHEAD() throws {
        let repo = try repository()
        try CLI.git(["tag", "v1"], in: repo.url)
        let good = try CLI.git(["rev-parse", "--short", "HEAD"], in: repo.url).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try replace(repo, item, "status: open", "status: finished")
        try repo.commitAll("bad status")
        XCTAssertEqual(try status(["validate", "--rev", "HEAD"], in: repo), 1)
        XCTAssertEqual(try status(["validate", "--rev", "HEAD~1"], in: repo), 0)
        XCTAssertEqual(try status(["validate", "--rev", "v1"], in: repo), 0)
        XCTAssertEqual(try status(["validate", "--rev", good], in: repo), 0)
        try CLI.git(["checkout", "-q", "--detach", "v1"], in: repo.url)
        XCTAssertEqual(try status(["validate", "--rev", "HEAD"], in: repo), 0)
        XCTAssertEqual(try status(["list", "--rev", "HEAD"], in: repo), 0)
        XCTAssertEqual(try CLI.aftermath(["history", "R-2026-003-03"], in: repo.url).status, 0)
        XCTAssertEqual(try status(["show", "R-2026-003-03", "--rev", "main"], in: repo), 0)
    }

    /// Each problem is reported once, by the commit that introduced it, merges included.
    func testRangeAttributesProblemsToTheirCommits() throws {
        let repo = try repository()
        let base = try CLI.git(["rev-parse", "HEAD"], in: repo.url).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try CLI.git(["checkout", "-q", "-b", "feature"], in: repo.url)
        try replace(repo, item, "owner: bob", "owner: bbo")
        try repo.commitAll("typo")
        let typo = try CLI.git(["rev-parse", "HEAD"], in: repo.url).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try replace(repo, "postmortems/PM-2026-001-checkout-db-disk-full/findings/F-2026-001-01-wal-archiving-unalerted.md", "status: resolved", "status: open")
        try repo.commitAll("reopen a finding of a closed postmortem")
        try CLI.git(["checkout", "-q", "main"], in: repo.url)
        try replace(repo, finding, "status: open", "status: open\ntags: [vendor]")
        try repo.commitAll("main work")
        try CLI.git(["merge", "-q", "--no-edit", "feature"], in: repo.url)
        let result = try CLI.aftermath(["validate", "--range", "\(base)..HEAD", "--format", "json"] + today, in: repo.url)
        XCTAssertEqual(result.status, 1)
        let diagnostics = try jsonDiagnostics(result)
        XCTAssertEqual(diagnostics.compactMap { $0["rule"] as? String }.sorted(), ["AM206", "AM301", "AM501"])
        XCTAssertEqual(diagnostics.first { $0["rule"] as? String == "AM206" }?["commit"] as? String, typo)
        let text = try CLI.aftermath(["validate", "--range", "\(base)..HEAD"] + today, in: repo.url)
        XCTAssertTrue(text.stderr.contains("(commit \(typo.prefix(12)))"), text.stderr)
        XCTAssertTrue(text.stderr.contains("4 commits checked"), text.stderr)
        XCTAssertEqual(try status(["validate", "--range", "HEAD..HEAD"], in: repo), 0)
    }

    /// A commit cannot relax the rules that judge it: the range uses the base's schemas.
    func testRangeJudgesWithTheBaseRules() throws {
        let repo = try repository()
        try CLI.aftermath(["init"], in: repo.url)
        try repo.commitAll("schemas in the repository")
        let schema = try repo.read("schema/finding.schema.json")
        try repo.write("schema/finding.schema.json", schema.replacingOccurrences(of: "\"attack-vector\"]", with: "\"attack-vector\", \"vendor\"]"))
        try replace(repo, finding, "category: process-flaw", "category: vendor")
        try repo.commitAll("relax the schema and use it")
        XCTAssertEqual(try status(["validate", "--rev", "HEAD"], in: repo), 0, "the commit passes by its own rules")
        let range = try CLI.aftermath(["validate", "--range", "HEAD~1..HEAD"] + today, in: repo.url)
        XCTAssertEqual(range.status, 1, "but not by the trusted base's")
        XCTAssertTrue(range.stderr.contains("`category` must be one of"), range.stderr)
        try repo.commitAll("nothing") // no-op guard
    }

    /// `history ID --format json`, its object and entries.
    func history(_ id: String, in repo: TemporaryDirectory) throws -> (object: [String: Any], entries: [[String: Any]]) {
        let result = try CLI.aftermath(["history", id, "--format", "json"], in: repo.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return (object, try XCTUnwrap(object["entries"] as? [[String: Any]]))
    }

    func testHistoryFollowsARenamedAndMovedItem() throws {
        let repo = try repository()
        try replace(repo, item, "status: open", "status: in-progress")
        try repo.commitAll("start work")
        let moved = "postmortems/PM-2026-004-password-reset-delay/remediations/R-2026-003-03-console-access.md"
        try CLI.git(["mv", item, moved], in: repo.url)
        try replace(repo, moved, "owner: bob", "owner: dmitri")
        try repo.commitAll("hand over and move")
        try replace(repo, moved, "status: in-progress", "status: done\nresolved_at: 2026-10-02\nresolution: SCP in place.")
        try repo.commitAll("done")
        let (object, entries) = try history("R-2026-003-03", in: repo)
        XCTAssertEqual(entries.compactMap { $0["summary"] as? String }, ["initial", "start work", "hand over and move", "done"])
        XCTAssertEqual(entries.compactMap { $0["change"] as? String }, ["created", "changed", "changed", "changed"])
        XCTAssertEqual(entries[2]["previous_path"] as? String, item)
        XCTAssertEqual(entries[2]["path"] as? String, moved)
        XCTAssertEqual(entries[0]["author"] as? String, "Test Author")
        let fields = try XCTUnwrap(entries[3]["fields"] as? [[String: Any]])
        XCTAssertEqual(fields.first { $0["field"] as? String == "status" }?["to"] as? String, "done")
        XCTAssertNotNil(object["days_to_close"] as? Double)
        let text = try CLI.aftermath(["history", "R-2026-003-03"], in: repo.url).stdout
        XCTAssertTrue(text.contains("status: open → in-progress"))
        XCTAssertTrue(text.contains("owner: bob → dmitri"))
        XCTAssertTrue(text.contains("moved: \(item) → \(moved)"))
    }

    /// History looks first where a document should be (its file named after its ID), then
    /// reads the others only for the ID's bytes: a misnamed file still counts, and so does an
    /// ID spelled with an escape, which no byte search could see.
    func testHistoryFindsMisnamedAndEscapedDocuments() throws {
        let repo = try repository()
        let text = try repo.read(item)
        let misnamed = "postmortems/PM-2026-003-export-bucket-exposure/remediations/notes.md"
        let escaped = "postmortems/PM-2026-003-export-bucket-exposure/remediations/escaped.md"
        try CLI.git(["mv", item, misnamed], in: repo.url)
        try repo.commitAll("misname")
        try CLI.git(["mv", misnamed, escaped], in: repo.url)
        try repo.write(escaped, text.replacingOccurrences(of: "id: R-2026-003-03", with: "id: \"\\x52-2026-003-03\""))
        XCTAssertFalse(try repo.read(escaped).contains("R-2026-003-03"), "the ID is spelled with an escape")
        try repo.commitAll("escape")
        try replace(repo, escaped, "status: open", "status: in-progress")
        try repo.commitAll("start")
        let entries = try history("R-2026-003-03", in: repo).entries
        XCTAssertEqual(entries.compactMap { $0["summary"] as? String }, ["initial", "misname", "escape", "start"])
        XCTAssertEqual(entries.compactMap { $0["change"] as? String }, ["created", "changed", "changed", "changed"])
        XCTAssertEqual(entries.last?["path"] as? String, escaped)
        let missing = try CLI.aftermath(["history", "R-2026-003-09"], in: repo.url)
        XCTAssertEqual(missing.status, 64, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("did you mean"), missing.stderr)
    }

    func testEmptyRepository() throws {
        let dir = try TemporaryDirectory()
        try CLI.git(["init", "-q"], in: dir.url)
        XCTAssertEqual(try status(["validate"], in: dir), 0)
        XCTAssertEqual(try status(["validate", "--staged"], in: dir), 0)
        let rev = try CLI.aftermath(["validate", "--rev", "HEAD"], in: dir.url)
        XCTAssertEqual(rev.status, 4)
        XCTAssertTrue(rev.stderr.contains("no commits yet"), rev.stderr)
        XCTAssertEqual(try CLI.aftermath(["history", "PM-2026-001"], in: dir.url).status, 4)
    }

    func testBareRepositoryLinkedWorktreeAndShallowClone() throws {
        let repo = try repository()
        let bare = try TemporaryDirectory()
        try CLI.git(["clone", "-q", "--bare", repo.url.path, bare.path("origin.git").path], in: bare.url)
        let inBare = try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: bare.path("origin.git"))
        XCTAssertEqual(inBare.status, 0, inBare.stderr)
        XCTAssertTrue(inBare.stderr.contains("22 documents"), inBare.stderr)

        let worktree = try TemporaryDirectory()
        try CLI.git(["worktree", "add", "-q", worktree.path("wt").path], in: repo.url)
        try replace(worktree, "wt/" + item, "owner: bob", "owner: bbo")
        try CLI.git(["add", "-A"], in: worktree.path("wt"))
        XCTAssertEqual(try CLI.aftermath(["validate", "--staged"] + today, in: worktree.path("wt")).status, 1)
        XCTAssertEqual(try status(["validate", "--staged"], in: repo), 0, "the main work tree's index is separate")

        try replace(repo, item, "priority: p1", "priority: p0")
        try repo.commitAll("second")
        let shallow = try TemporaryDirectory()
        try CLI.git(["clone", "-q", "--depth", "1", "file://\(repo.url.path)", shallow.path("s").path], in: shallow.url)
        XCTAssertEqual(try CLI.aftermath(["validate", "--rev", "HEAD"] + today, in: shallow.path("s")).status, 0)
        let range = try CLI.aftermath(["validate", "--range", "HEAD~1..HEAD"] + today, in: shallow.path("s"))
        XCTAssertEqual(range.status, 4, range.stderr)
        XCTAssertTrue(range.stderr.contains("HEAD~1"), range.stderr)
    }

    func testSubmoduleInTheTreeIsSkipped() throws {
        let other = try TemporaryDirectory()
        try other.write("README.md", "vendor\n")
        try other.commitAll()
        let repo = try repository()
        let added = try CLI.git(["-c", "protocol.file.allow=always", "submodule", "add", "-q", other.url.path, "postmortems/vendor"], in: repo.url)
        XCTAssertEqual(added.status, 0, added.stderr)
        try CLI.git(["commit", "-q", "-m", "submodule"], in: repo.url)
        XCTAssertEqual(try status(["validate"], in: repo), 0, "the submodule's README.md belongs to another repository")
        XCTAssertEqual(try status(["validate", "--staged"], in: repo), 0)
        XCTAssertEqual(try status(["validate", "--rev", "HEAD"], in: repo), 0)
    }

    func testGitErrorsExit4WithAClearMessage() throws {
        let plain = try TemporaryDirectory()
        let notRepo = try CLI.aftermath(["validate", "--staged"], in: plain.url)
        XCTAssertEqual(notRepo.status, 4)
        XCTAssertTrue(notRepo.stderr.contains("not inside a git repository"), notRepo.stderr)

        let repo = try repository()
        let unknown = try CLI.aftermath(["validate", "--rev", "no-such-branch"], in: repo.url)
        XCTAssertEqual(unknown.status, 4)
        XCTAssertTrue(unknown.stderr.contains("unknown revision `no-such-branch`"), unknown.stderr)

        // A missing blob: delete the loose object of one document.
        let blob = try CLI.git(["rev-parse", "HEAD:\(item)"], in: repo.url).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let object = repo.path(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))")
        try FileManager.default.removeItem(at: object)
        let corrupt = try CLI.aftermath(["validate", "--rev", "HEAD"], in: repo.url)
        XCTAssertEqual(corrupt.status, 4)
        XCTAssertTrue(corrupt.stderr.contains(String(blob.prefix(12))) || corrupt.stderr.contains("object"), corrupt.stderr)
    }

    func testCommitFlagRecordsTheChangeOrRefusesBeforeWriting() throws {
        let repo = try repository()
        let result = try CLI.aftermath(["set", "R-2026-003-03", "owner=dmitri", "--commit"], in: repo.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        let log = try CLI.git(["log", "-1", "--format=%s|%an|%ae"], in: repo.url).stdout
        XCTAssertEqual(log, "set R-2026-003-03: owner=dmitri|Test Author|author@example.org\n")
        XCTAssertEqual(try CLI.git(["status", "--porcelain"], in: repo.url).stdout, "")

        try repo.write("notes.txt", "someone else's work\n")
        try CLI.git(["add", "notes.txt"], in: repo.url)
        let before = try repo.read(item)
        let refused = try CLI.aftermath(["set", "R-2026-003-03", "owner=alice", "--commit"], in: repo.url)
        XCTAssertEqual(refused.status, 4)
        XCTAssertTrue(refused.stderr.contains("staged change"), refused.stderr)
        XCTAssertEqual(try repo.read(item), before)

        try CLI.git(["reset", "-q", "notes.txt"], in: repo.url)
        try repo.write(".git/index.lock", "")
        let locked = try CLI.aftermath(["close", "PM-2026-001", "--commit"], in: repo.url)
        XCTAssertEqual(locked.status, 0, "already closed: nothing to write, so no lock needed")
        let lockedSet = try CLI.aftermath(["set", "R-2026-003-03", "owner=alice", "--commit"], in: repo.url)
        XCTAssertEqual(lockedSet.status, 4)
        XCTAssertTrue(lockedSet.stderr.contains("index is locked"), lockedSet.stderr)
        XCTAssertEqual(try repo.read(item), before)
    }
}

/// Faults of the repository itself: each a clear message and exit 4, nothing written.
final class GitFaultTests: XCTestCase {
    func testRepositoryOwnedByAnotherUser() throws {
        guard getuid() == 0 else { throw XCTSkip("needs root to give the repository to another user") }
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        _ = try CLI.run("/bin/chown", ["-R", "nobody", repo.url.path], in: repo.url)
        let result = try CLI.aftermath(["validate", "--rev", "HEAD"], in: repo.url)
        XCTAssertEqual(result.status, 4)
        XCTAssertTrue(result.stderr.contains("owned by another user") && result.stderr.contains("safe.directory"), result.stderr)
        let before = try repo.read("postmortems/PM-2026-004-password-reset-delay/postmortem.md")
        XCTAssertEqual(try CLI.aftermath(["set", "PM-2026-004", "title=Renamed", "--commit"], in: repo.url).status, 4)
        XCTAssertEqual(try repo.read("postmortems/PM-2026-004-password-reset-delay/postmortem.md"), before)
    }

    /// As root, permissions do not stop writes; the immutable attribute does.
    func testReadOnlyRepository() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        guard getuid() == 0, try CLI.run("/usr/bin/chattr", ["+i", repo.path(".git").path], in: repo.url).status == 0 else {
            throw XCTSkip("needs root and chattr to make the repository read-only")
        }
        defer { _ = try? CLI.run("/usr/bin/chattr", ["-i", repo.path(".git").path], in: repo.url) }
        let path = "postmortems/PM-2026-004-password-reset-delay/postmortem.md"
        let before = try repo.read(path)
        let result = try CLI.aftermath(["set", "PM-2026-004", "title=Renamed", "--commit"], in: repo.url)
        XCTAssertEqual(result.status, 4)
        XCTAssertTrue(result.stderr.contains("read-only"), result.stderr)
        XCTAssertEqual(try repo.read(path), before)
        XCTAssertEqual(try CLI.aftermath(["validate", "--rev", "HEAD", "--today", "2026-10-01"], in: repo.url).status, 0, "reading still works")
    }

    func testSHA256RepositoryIsAClearError() throws {
        let dir = try TemporaryDirectory()
        guard try CLI.git(["init", "-q", "--object-format=sha256"], in: dir.url).status == 0 else { throw XCTSkip("git without SHA-256 support") }
        try dir.write("a.txt", "x\n")
        try CLI.git(["add", "a.txt"], in: dir.url)
        try CLI.git(["commit", "-q", "-m", "i"], in: dir.url)
        let result = try CLI.aftermath(["validate", "--rev", "HEAD"], in: dir.url)
        XCTAssertEqual(result.status, 4)
        XCTAssertTrue(result.stderr.contains("objectformat"), result.stderr)
    }
}
