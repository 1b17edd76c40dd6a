import Foundation
import XCTest
import PathVariants

/// Paths are bytes: on generated repositories whose document names differ only in Unicode
/// form, case, bytes that are not UTF-8, spaces or depth, every way of reading (working tree,
/// index, a revision, a range; with a summary of an earlier state, with none) and the
/// pre-receive hook on a real push report exactly what a full uncached run reports.
final class PathIdentityDifferentialTests: XCTestCase {
    let today = ["--today", "2026-10-01"]
    let uncached = ["AFTERMATH_NO_CACHE": "1"]

    /// Each repository holds the name sets of four seeds (each under its own finding IDs), so
    /// one run of the binary checks several; the in-process test in AftermathCoreTests covers
    /// hundreds more sets through the library's summary reading.
    static let repositories: [[UInt64]] = (0..<8).map { r in (0..<4).map { UInt64(4 * r + $0 + 1) } }

    static func corpus(_ seeds: [UInt64]) -> PathVariantCorpus {
        var corpus = PathVariantCorpus(seed: seeds[0], firstID: 11)
        for (k, seed) in seeds.enumerated().dropFirst() { corpus.files += PathVariantCorpus(seed: seed, firstID: 11 + 20 * k).files }
        return corpus
    }

    func testEverySnapshotReportsWhatAFullUncachedRunReports() throws {
        for seeds in Self.repositories {
            let repo = try TemporaryDirectory.examples()
            try repo.commitAll("base")
            try Self.corpus(seeds).write(under: repo.url)
            try repo.commitAll("generated")
            for kind in [[], ["--staged"], ["--rev", "HEAD"], ["--range", "HEAD~1..HEAD"]] {
                let arguments = ["validate"] + kind + today
                let reference = try CLI.aftermath(arguments, in: repo.url, environment: uncached)
                XCTAssertEqual(reference.status, 1, "seeds \(seeds) \(kind): the generated errors are found\n\(reference.stderr)")
                // A summary of the state before the generated names, then none.
                try? FileManager.default.removeItem(at: repo.path(".git/aftermath"))
                XCTAssertEqual(try CLI.aftermath(["validate", "--rev", "HEAD~1"] + today, in: repo.url).status, 0)
                let withSummary = try CLI.aftermath(arguments, in: repo.url)
                XCTAssertEqual(Outcome(withSummary), Outcome(reference), "seeds \(seeds) \(kind), with a summary of the earlier state")
                try? FileManager.default.removeItem(at: repo.path(".git/aftermath"))
                let withoutSummary = try CLI.aftermath(arguments, in: repo.url)
                XCTAssertEqual(Outcome(withoutSummary), Outcome(reference), "seeds \(seeds) \(kind), without a summary")
            }
        }
    }

    /// The pre-receive hook on a real push: one commit pushed to a server that keeps summaries
    /// and to one that does not; both refuse it, saying the same.
    func testThePushGateDecidesAsAFullUncachedRun() throws {
        for seeds in Self.repositories.prefix(3) {
            let root = try TemporaryDirectory()
            let seedRepo = try TemporaryDirectory.examples()
            try seedRepo.commitAll("base")
            let client = root.path("client")
            try CLI.git(["clone", "-q", seedRepo.url.path, client.path], in: root.url)
            let servers = [("cached", [String: String]()), ("uncached", uncached)]
            for (name, _) in servers {
                let server = root.path("\(name).git")
                try CLI.git(["clone", "-q", "--bare", seedRepo.url.path, server.path], in: root.url)
                XCTAssertEqual(try CLI.aftermath(["hooks", "install", "--server"], in: server).status, 0)
                try CLI.git(["remote", "add", name, server.path], in: client)
            }
            // A first push leaves the servers a summary of the state before the generated names.
            try Data("warm-up\n".utf8).write(to: client.appendingPathComponent("notes.txt"))
            try CLI.git(["add", "-A"], in: client)
            try CLI.git(["commit", "-q", "-m", "warm up"], in: client)
            for (name, environment) in servers {
                XCTAssertEqual(try CLI.git(["push", "-q", name, "main"], in: client, environment: environment).status, 0, "seeds \(seeds) \(name)")
            }
            try Self.corpus(seeds).write(under: client)
            try CLI.git(["add", "-A"], in: client)
            try CLI.git(["commit", "-q", "-m", "generated"], in: client)
            var outcomes: [Outcome] = []
            for (name, environment) in servers {
                let push = try CLI.git(["push", "-q", name, "main"], in: client, environment: environment)
                XCTAssertNotEqual(push.status, 0, "seeds \(seeds) \(name): a push with invalid findings is refused\n\(push.stderr)")
                let said = push.stderr.split(separator: "\n").filter { $0.hasPrefix("remote: ") }.map { $0.trimmingCharacters(in: .whitespaces) }
                XCTAssertTrue(said.contains { $0.contains("[AM001]") }, "seeds \(seeds) \(name): names that are not UTF-8 are refused\n\(push.stderr)")
                outcomes.append(Outcome(status: push.status, stdout: "", stderr: said.joined(separator: "\n")))
            }
            XCTAssertEqual(outcomes[0], outcomes[1], "seeds \(seeds)")
        }
    }

    struct Outcome: Equatable, CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        init(status: Int32, stdout: String, stderr: String) {
            (self.status, self.stdout, self.stderr) = (status, stdout, stderr)
        }
        init(_ result: CommandResult) { self.init(status: result.status, stdout: result.stdout, stderr: result.stderr) }
        var description: String { "exit \(status)\n\(stdout)\(stderr)" }
    }
}
