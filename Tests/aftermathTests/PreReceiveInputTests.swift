import XCTest
import Foundation

/// The pre-receive hook on input git would not give it, and on ref names made to fool the
/// pusher's terminal.
final class PreReceiveInputTests: XCTestCase {
    let item = "postmortems/PM-2026-003-export-bucket-exposure/remediations/R-2026-003-03-remove-console-write.md"

    func bareRepository() throws -> (TemporaryDirectory, URL, String) {
        let root = try TemporaryDirectory()
        let seed = try TemporaryDirectory.examples()
        try seed.commitAll()
        try CLI.git(["clone", "-q", "--bare", seed.url.path, root.path("server.git").path], in: root.url)
        let head = try CLI.git(["rev-parse", "HEAD"], in: root.path("server.git")).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return (root, root.path("server.git"), head)
    }

    /// Refused with one message and the usage exit code: checking nothing would let the push in.
    func testMalformedInputIsRefused() throws {
        let (root, server, head) = try bareRepository()
        defer { withExtendedLifetime(root) {} }
        let zero = String(repeating: "0", count: 40)
        let inputs = [
            "garbage\n",
            "\(zero) \(head)\n",
            "\(zero) \(head.prefix(12)) refs/heads/main\n",
            "\(zero) \(head) refs/heads/main extra\n",
            "\(zero)  \(head) refs/heads/main\n",
            "\(zero) \(head.uppercased()) refs/heads/main\n",
            "\(zero) \(head) refs/heads/main\nnot a line\n",
            "\(zero) \(head) refs/heads/" + String(repeating: "x", count: 1_000_000) + "\n",
        ]
        for input in inputs {
            let result = try CLI.aftermath(["hook", "pre-receive"], in: server, stdin: input)
            XCTAssertEqual(result.status, 64, "\(input.prefix(100)): \(result.stderr.prefix(300))")
            XCTAssertTrue(result.stderr.hasPrefix("aftermath: error: pre-receive: standard input line"), String(result.stderr.prefix(300)))
            XCTAssertTrue(result.stderr.contains("the push is refused"), String(result.stderr.prefix(300)))
            XCTAssertLessThan(result.stderr.utf8.count, 1_000, "the line is not echoed whole")
        }
        // Well-formed input (and none at all) still passes.
        for input in ["", "\(zero) \(head) refs/heads/copy\n", "\(head) \(head) refs/heads/main"] {
            let result = try CLI.aftermath(["hook", "pre-receive"], in: server, stdin: input)
            XCTAssertEqual(result.status, 0, "\(input): \(result.stderr)")
        }
    }

    /// U+009B (CSI) and U+202E (right-to-left override) are allowed in git ref names; the hook
    /// shows them escaped after `remote:`.
    func testRefNamesAreEscapedInWhatThePusherSees() throws {
        let (root, server, _) = try bareRepository()
        XCTAssertEqual(try CLI.aftermath(["hooks", "install", "--server"], in: server).status, 0)
        let client = root.path("client")
        try CLI.git(["clone", "-q", server.path, client.path], in: root.url)
        let url = client.appendingPathComponent(item)
        try Data(try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "owner: bob", with: "owner: bbo").utf8).write(to: url)
        try CLI.git(["commit", "-q", "-a", "-m", "typo"], in: client)
        let ref = "refs/heads/x\u{9B}31m\u{202E}evil"
        let push = try CLI.git(["push", "origin", "HEAD:\(ref)"], in: client)
        XCTAssertNotEqual(push.status, 0)
        let remote = push.stderr.split(separator: "\n").filter { $0.hasPrefix("remote:") }.joined(separator: "\n")
        XCTAssertTrue(remote.contains("[AM206]"), push.stderr)
        XCTAssertTrue(remote.contains("x\\u{9b}31m\\u{202e}evil"), remote)
        XCTAssertFalse(remote.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x202E }, remote)
    }
}
