import XCTest
import Foundation

/// The hooks fired by real `git commit` and `git push` to a real bare repository.
final class HookTests: XCTestCase {
    let item = "postmortems/PM-2026-003-export-bucket-exposure/remediations/R-2026-003-03-remove-console-write.md"
    let closedFinding = "postmortems/PM-2026-001-checkout-db-disk-full/findings/F-2026-001-01-wal-archiving-unalerted.md"

    /// A server (bare, pre-receive installed) and a developer clone (pre-commit installed).
    struct Setup {
        let root: TemporaryDirectory
        var server: URL { root.path("server.git") }
        var client: URL { root.path("client") }

        func edit(_ path: String, _ old: String, _ new: String) throws {
            let url = client.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertTrue(text.contains(old), "\(path) lacks \(old)")
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        }

        @discardableResult
        func git(_ arguments: [String]) throws -> CommandResult { try CLI.git(arguments, in: client) }

        func commit(_ message: String, verify: Bool = true) throws -> CommandResult {
            try git(["commit", "-q", "-a", "-m", message] + (verify ? [] : ["--no-verify"]))
        }
    }

    /// `seed` files are part of the server's first commit, there before any hook judged them.
    func makeSetup(clientHook: Bool = true, seed files: [String: String] = [:]) throws -> Setup {
        let root = try TemporaryDirectory()
        let seed = try TemporaryDirectory.examples()
        for (path, text) in files { try seed.write(path, text) }
        try seed.commitAll()
        try CLI.git(["clone", "-q", "--bare", seed.url.path, root.path("server.git").path], in: root.url)
        XCTAssertEqual(try CLI.aftermath(["hooks", "install", "--server"], in: root.path("server.git")).status, 0)
        try CLI.git(["clone", "-q", root.path("server.git").path, root.path("client").path], in: root.url)
        if clientHook { XCTAssertEqual(try CLI.aftermath(["hooks", "install"], in: root.path("client")).status, 0) }
        return Setup(root: root)
    }

    func testPreCommitBlocksInvalidDocumentsAndLetsValidOnesThrough() throws {
        let setup = try makeSetup()
        try setup.edit(item, "owner: bob", "owner: bbo")
        let blocked = try setup.commit("typo")
        XCTAssertNotEqual(blocked.status, 0)
        XCTAssertTrue(blocked.stderr.contains("`owner` names `bbo`") && blocked.stderr.contains("[AM206]"), blocked.stderr)
        XCTAssertTrue(blocked.stderr.contains("commit blocked"))
        XCTAssertEqual(try setup.git(["log", "--oneline"]).stdout.split(separator: "\n").count, 1)

        try setup.edit(item, "owner: bbo", "owner: dmitri")
        let passed = try setup.commit("hand over")
        XCTAssertEqual(passed.status, 0, passed.stderr)
        XCTAssertFalse(passed.stderr.contains("R-2026-003-02 is overdue"), "warnings only for the documents the commit touches")
    }

    /// `git commit -- FILE` commits through a temporary index named by GIT_INDEX_FILE.
    func testPreCommitReadsTheTemporaryIndexOfCommitWithPaths() throws {
        let setup = try makeSetup()
        try setup.edit(item, "owner: bob", "owner: bbo")
        try setup.git(["add", item])
        try setup.edit(item, "owner: bbo", "owner: dmitri")
        // The index holds the typo, but `commit -- FILE` commits the working file.
        let result = try setup.git(["commit", "-q", "-m", "only this file", "--", item])
        XCTAssertEqual(result.status, 0, result.stderr)
        try setup.edit(item, "owner: dmitri", "owner: zed")
        let blocked = try setup.git(["commit", "-q", "-m", "bad file", "--", item])
        XCTAssertNotEqual(blocked.status, 0)
        XCTAssertTrue(blocked.stderr.contains("`zed`"), blocked.stderr)
    }

    func testPreCommitBlocksAClosureWithBlockers() throws {
        let setup = try makeSetup()
        try setup.edit("postmortems/PM-2026-003-export-bucket-exposure/postmortem.md", "status: published", "status: closed\nclosed_at: 2026-10-01\nclosed_by: farah")
        let blocked = try setup.commit("close by hand")
        XCTAssertNotEqual(blocked.status, 0)
        XCTAssertTrue(blocked.stderr.contains("[AM301]") && blocked.stderr.contains("[AM302]"), blocked.stderr)
    }

    func testServerRefusesInvalidDocumentsClosuresAndRewritesOfClosedPostmortems() throws {
        let setup = try makeSetup(clientHook: false)
        // An invalid document.
        try setup.edit(item, "owner: bob", "owner: bbo")
        XCTAssertEqual(try setup.commit("typo").status, 0)
        let invalid = try setup.git(["push", "-q", "origin", "main"])
        XCTAssertNotEqual(invalid.status, 0)
        XCTAssertTrue(invalid.stderr.contains("remote: ") && invalid.stderr.contains("[AM206]"), invalid.stderr)
        XCTAssertTrue(invalid.stderr.contains("pre-receive hook declined"))
        try setup.git(["reset", "-q", "--hard", "origin/main"])

        // A closure with blockers.
        try setup.edit("postmortems/PM-2026-003-export-bucket-exposure/postmortem.md", "status: published", "status: closed\nclosed_at: 2026-10-01\nclosed_by: farah")
        XCTAssertEqual(try setup.commit("close by hand").status, 0)
        let closure = try setup.git(["push", "-q", "origin", "main"])
        XCTAssertNotEqual(closure.status, 0)
        XCTAssertTrue(closure.stderr.contains("[AM302]"), closure.stderr)
        try setup.git(["reset", "-q", "--hard", "origin/main"])

        // A rewrite of a closed postmortem's finding.
        try setup.edit(closedFinding, "status: resolved", "status: resolved\ntags: [rewritten]")
        XCTAssertEqual(try setup.commit("touch a closed record").status, 0)
        let rewrite = try setup.git(["push", "-q", "origin", "main"])
        XCTAssertNotEqual(rewrite.status, 0)
        XCTAssertTrue(rewrite.stderr.contains("[AM501]"), rewrite.stderr)
        try setup.git(["reset", "-q", "--hard", "origin/main"])

        // The server's branch is untouched by all of that.
        XCTAssertEqual(try CLI.git(["rev-list", "--count", "main"], in: setup.server).stdout, "1\n")
    }

    func testServerAcceptsValidChangesBranchesDeletionsAndTags() throws {
        let setup = try makeSetup(clientHook: false)
        try setup.edit(item, "owner: bob", "owner: dmitri")
        XCTAssertEqual(try setup.commit("hand over").status, 0)
        let valid = try setup.git(["push", "-q", "origin", "main"])
        XCTAssertEqual(valid.status, 0, valid.stderr)
        XCTAssertEqual(try setup.git(["push", "-q", "origin", "main:feature"]).status, 0, "a new branch")
        try setup.git(["checkout", "-q", "-b", "topic"])
        try setup.edit(item, "priority: p1", "priority: p0")
        XCTAssertEqual(try setup.commit("raise").status, 0)
        XCTAssertEqual(try setup.git(["push", "-q", "origin", "topic"]).status, 0, "a new branch with a new commit")
        XCTAssertEqual(try setup.git(["push", "-q", "origin", ":feature"]).status, 0, "a deletion")
        try setup.git(["tag", "-a", "-m", "review", "review-2026-10"])
        XCTAssertEqual(try setup.git(["push", "-q", "origin", "review-2026-10"]).status, 0, "an annotated tag")
        XCTAssertEqual(try setup.git(["push", "-q", "--force", "origin", "main:topic"]).status, 0, "a valid force push")
    }

    /// Rules come from the trusted side: relaxing a schema in the same push as documents that
    /// need it is refused; once the relaxed schema has landed, it applies.
    func testAPushCannotRelaxTheRulesThatJudgeIt() throws {
        let setup = try makeSetup(clientHook: false)
        XCTAssertEqual(try CLI.aftermath(["init"], in: setup.client).status, 0)
        try setup.git(["add", "-A"])
        XCTAssertEqual(try setup.commit("copy the schemas").status, 0)
        XCTAssertEqual(try setup.git(["push", "-q", "origin", "main"]).status, 0)
        let finding = "postmortems/PM-2026-004-password-reset-delay/findings/F-2026-004-02-vendor-notices-unmonitored.md"
        try setup.edit("schema/finding.schema.json", "\"attack-vector\"]", "\"attack-vector\", \"vendor\"]")
        XCTAssertEqual(try setup.commit("allow vendor findings").status, 0)
        try setup.edit(finding, "category: process-flaw", "category: vendor")
        XCTAssertEqual(try setup.commit("use it").status, 0)
        let together = try setup.git(["push", "-q", "origin", "main"])
        XCTAssertNotEqual(together.status, 0)
        XCTAssertTrue(together.stderr.contains("`category` must be one of"), together.stderr)
        XCTAssertEqual(try setup.git(["push", "-q", "origin", "HEAD~1:main"]).status, 0, "the schema change alone lands")
        XCTAssertEqual(try setup.git(["push", "-q", "origin", "main"]).status, 0, "then the relaxed rule applies")
    }

    /// A schema whose work multiplies must not hang the server once it has landed: the next
    /// push of a document ends with an error. One that shows only while checking a document (`$defs` that
    /// refer to one another twice, a cycle the depth guard would unroll 2^32 ways) stops at the
    /// check budget with AM007; one that shows in the schema itself (a chain of `$defs`, each
    /// used twice by the one before) is refused as a configuration error naming the definition.
    /// The pushes run with a generous timeout, so a hang fails the test rather than the suite.
    func testAHostileSchemaThatLandedEndsThePushHookWithAnError() throws {
        let finding = "postmortems/PM-2026-004-password-reset-delay/findings/F-2026-004-02-vendor-notices-unmonitored.md"
        let cycle = ##"{"$defs": {"a": {"anyOf": [{"$ref": "#/$defs/b"}, {"$ref": "#/$defs/b"}]}, "b": {"anyOf": [{"$ref": "#/$defs/a"}, {"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}"##
        let chain = ##"{"$ref": "#/$defs/d0", "$defs": {"## + (0..<40).map { ##""d\##($0)": {"allOf": [{"$ref": "#/$defs/d\##($0 + 1)"}, {"$ref": "#/$defs/d\##($0 + 1)"}]}"## }
            .joined(separator: ", ") + #", "d40": true}}"#
        for (schema, text, expected) in [
            ("schema/finding.schema.json", cycle, ["schema/finding.schema.json needs more than 1000000 checks to judge this document", "[AM007]"]),
            ("schema/postmortem.schema.json", chain, ["schema/postmortem.schema.json", "#/$defs/d25: its subschemas and `$ref`s form more than 100000 paths"]),
        ] {
            let setup = try makeSetup(clientHook: false, seed: [schema: text])
            let original = try String(contentsOf: setup.client.appendingPathComponent(finding), encoding: .utf8)
            try Data(original.replacingOccurrences(of: "F-2026-004-02", with: "F-2026-004-03").utf8)
                .write(to: setup.client.appendingPathComponent(finding.replacingOccurrences(of: "F-2026-004-02", with: "F-2026-004-03")))
            try setup.git(["add", "-A"])
            XCTAssertEqual(try setup.commit("a second finding").status, 0)
            let refused = try CLI.git(["push", "-q", "origin", "main"], in: setup.client, timeout: 600)
            XCTAssertNotEqual(refused.status, CLI.killedStatus, "the push hook hung with \(schema)")
            XCTAssertNotEqual(refused.status, 0, schema)
            for part in expected { XCTAssertTrue(refused.stderr.contains(part), "\(schema): \(refused.stderr)") }
        }
    }

    func testForcePushRewritingAClosedPostmortemIsRefused() throws {
        let setup = try makeSetup(clientHook: false)
        // History is rewritten so that the closed postmortem's record changes without any
        // single new commit touching a closed document relative to its own parent.
        try setup.git(["checkout", "-q", "--orphan", "rewrite"])
        try setup.edit(closedFinding, "status: resolved", "status: resolved\ntags: [rewritten]")
        try setup.git(["add", "-A"])
        XCTAssertEqual(try setup.commit("new root").status, 0)
        let forced = try setup.git(["push", "-q", "--force", "origin", "rewrite:main"])
        XCTAssertNotEqual(forced.status, 0)
        XCTAssertTrue(forced.stderr.contains("[AM501]"), forced.stderr)
    }

    /// Objects are re-hashed only by the push hook, which reads what someone else just sent: a
    /// loose object holding another object's content reads without complaint in a local
    /// command, and the hook refuses it.
    func testOnlyThePushHookRehashesObjects() throws {
        let repo = try TemporaryDirectory.examples()
        try repo.commitAll()
        func id(_ spec: String) throws -> String {
            try CLI.git(["rev-parse", spec], in: repo.url).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func object(_ id: String) -> URL { repo.path(".git/objects/\(id.prefix(2))/\(id.dropFirst(2))") }
        let (target, other) = (try id("HEAD:\(item)"), try id("HEAD:\(closedFinding)"))
        try FileManager.default.removeItem(at: object(target))
        try FileManager.default.copyItem(at: object(other), to: object(target))

        // A pushed commit (made without moving a branch, as one arriving is), checked against
        // the branch it would move: the hook reads every document of the branch.
        let head = try id("HEAD")
        let pushed = try CLI.git(["commit-tree", "HEAD^{tree}", "-p", "HEAD", "-m", "pushed"], in: repo.url).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let hook = try CLI.aftermath(["hook", "pre-receive"], in: repo.url, environment: ["GIT_DIR": repo.path(".git").path],
                                     stdin: "\(head) \(pushed) refs/heads/main\n")
        XCTAssertNotEqual(hook.status, 0)
        XCTAssertTrue(hook.stderr.contains("mismatch"), hook.stderr)

        let local = try CLI.aftermath(["validate", "--rev", "HEAD"], in: repo.url)
        XCTAssertNotEqual(local.status, 4, local.stderr)
        XCTAssertFalse(local.stderr.contains("mismatch"), local.stderr)
    }

    /// A push whose commit object never arrived is refused with a message, not a crash.
    func testPreReceiveRefusesACommitMissingFromThePush() throws {
        let setup = try makeSetup(clientHook: false)
        let old = try CLI.git(["rev-parse", "main"], in: setup.server).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let missing = String(repeating: "ab", count: 20)
        let result = try CLI.aftermath(["hook", "pre-receive"], in: setup.server,
                                       environment: ["GIT_DIR": setup.server.path], stdin: "\(old) \(missing) refs/heads/main\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("is missing from the push"), result.stderr)
        XCTAssertTrue(result.stderr.contains("push refused"))
    }

    func testInstallChainsAnExistingHookIsIdempotentAndUninstallsCleanly() throws {
        let setup = try makeSetup(clientHook: false)
        let hooks = setup.client.appendingPathComponent(".git/hooks")
        let marker = setup.root.path("old-hook-ran")
        try Data("#!/bin/sh\ntouch '\(marker.path)'\n".utf8).write(to: hooks.appendingPathComponent("pre-commit"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hooks.appendingPathComponent("pre-commit").path)
        let first = try CLI.aftermath(["hooks", "install"], in: setup.client)
        XCTAssertTrue(first.stderr.contains("kept as pre-commit.local"), first.stderr)
        XCTAssertEqual(try CLI.aftermath(["hooks", "install"], in: setup.client).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: hooks.appendingPathComponent("pre-commit.local").path))
        let installed = try String(contentsOf: hooks.appendingPathComponent("pre-commit"), encoding: .utf8)
        XCTAssertEqual(installed, try String(contentsOf: CLI.packageRoot.appendingPathComponent("hooks/pre-commit"), encoding: .utf8))

        try setup.edit(item, "owner: bob", "owner: bbo")
        XCTAssertNotEqual(try setup.commit("typo").status, 0, "Aftermath still blocks")
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker.path), "the old hook still runs")
        try FileManager.default.removeItem(at: marker)
        try setup.edit(item, "owner: bbo", "owner: dmitri")
        XCTAssertEqual(try setup.commit("fine").status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker.path))

        XCTAssertEqual(try CLI.aftermath(["hooks", "install", "--uninstall"], in: setup.client).status, 0)
        let restored = try String(contentsOf: hooks.appendingPathComponent("pre-commit"), encoding: .utf8)
        XCTAssertTrue(restored.contains("touch"), "the previous hook is back")
        XCTAssertFalse(FileManager.default.fileExists(atPath: hooks.appendingPathComponent("pre-commit.local").path))
    }

    func testInstallRespectsCoreHooksPath() throws {
        let setup = try makeSetup(clientHook: false)
        try setup.git(["config", "core.hooksPath", "ci/hooks"])
        XCTAssertEqual(try CLI.aftermath(["hooks", "install"], in: setup.client).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: setup.client.appendingPathComponent("ci/hooks/pre-commit").path))
        try setup.edit(item, "owner: bob", "owner: bbo")
        XCTAssertNotEqual(try setup.commit("typo").status, 0)
    }

    func testHookScriptsMatchTheHooksFolder() throws {
        for name in ["pre-commit", "pre-receive"] {
            let dir = try TemporaryDirectory()
            try CLI.git(["init", "-q", "--bare", "r.git"], in: dir.url)
            XCTAssertEqual(try CLI.aftermath(["hooks", "install"] + (name == "pre-receive" ? ["--server"] : []), in: dir.path("r.git")).status, 0)
            XCTAssertEqual(try String(contentsOf: dir.path("r.git/hooks/\(name)"), encoding: .utf8),
                           try String(contentsOf: CLI.packageRoot.appendingPathComponent("hooks/\(name)"), encoding: .utf8),
                           "run scripts/embed-schemas after editing hooks/\(name)")
        }
    }
}
