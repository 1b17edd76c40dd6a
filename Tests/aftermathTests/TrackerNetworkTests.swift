import XCTest
import Foundation
@testable import AftermathCore

/// `aftermath bugs --refresh` through what lies between it and a tracker: a private certificate
/// authority, the proxies the environment names, a terminal or a pipe; and GitHub's
/// conditional requests. Same repository and loopback tracker as `TrackerCommandTests`.
extension TrackerCommandTests {
    // MARK: Certificates

    func testAPrivateAuthorityIsTrustedThroughTheTrackersCABundle() throws {
        let authority = try ThrowawayCA()
        let server = try FakeTracker(fixture(), certificate: authority)
        let dir = try repository(server.base, jiraExtra: "\n    ca_bundle: certs/private-ca.pem")
        try dir.write("certs/private-ca.pem", try String(contentsOfFile: authority.authorityCertificate, encoding: .utf8))
        let result = try bugs(["--refresh", "--tracker", "jira", "--format", "json"], in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(state(try json(result)["JIRA:OPS-13"]), "closed")
        XCTAssertFalse(server.requests.isEmpty)
    }

    func testAnUntrustedCertificateIsAClearErrorNamingTheTracker() throws {
        let server = try FakeTracker(fixture(), certificate: try ThrowawayCA())
        let dir = try repository(server.base)
        let result = try bugs(["--refresh", "--tracker", "jira", "--format", "json"], in: dir)
        XCTAssertEqual(result.status, 5)
        XCTAssertTrue(result.stderr.contains("aftermath: error: tracker `jira`: the certificate of 127.0.0.1 cannot be verified against the system's certificate store"), result.stderr)
        XCTAssertTrue(result.stderr.contains("in the tracker's `ca_bundle`, or in `CURL_CA_BUNDLE` or `SSL_CERT_FILE`"), result.stderr)
        XCTAssertNil(state(try json(result)["JIRA:OPS-12"]), "the listing is still given")
        XCTAssertTrue(server.requests.isEmpty, "nothing is sent to a server whose certificate is not trusted")
    }

    func testTheEnvironmentsCABundleIsTrusted() throws {
        let authority = try ThrowawayCA()
        let server = try FakeTracker(fixture(), certificate: authority)
        let dir = try repository(server.base)
        for variable in ["CURL_CA_BUNDLE", "SSL_CERT_FILE"] {
            let result = try bugs(["--refresh", "--tracker", "jira", "--format", "json"], in: dir,
                                  environment: tokens.merging([variable: authority.authorityCertificate]) { $1 })
            XCTAssertEqual(result.status, 0, "\(variable): \(result.stderr)")
            XCTAssertEqual(state(try json(result)["JIRA:OPS-12"]), "open", variable)
        }
    }

    /// `ca_bundle` is a file of the repository: a path leading elsewhere is refused, by its text
    /// (a configuration error) or through a symbolic link (that tracker's error).
    func testTheCABundleMustLieInsideTheRepository() throws {
        let server = try FakeTracker(fixture())
        let outside = try repository(server.base, jiraExtra: "\n    ca_bundle: /etc/ssl/certs/ca-certificates.crt")
        let refused = try bugs(["--refresh", "--tracker", "jira"], in: outside)
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("tracker `jira`: `ca_bundle` is an absolute path, outside the repository"), refused.stderr)

        let linked = try repository(server.base, jiraExtra: "\n    ca_bundle: certs/ca.pem")
        try FileManager.default.createDirectory(at: linked.path("certs"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: linked.path("certs/ca.pem").path, withDestinationPath: "/etc/hostname")
        let result = try bugs(["--refresh", "--format", "json"], in: linked)
        XCTAssertEqual(result.status, 5, result.stderr)
        XCTAssertTrue(result.stderr.contains("tracker `jira`: its `ca_bundle` cannot be read: certs/ca.pem: leads outside the repository through a symbolic link"), result.stderr)
        XCTAssertTrue(server.requests("GET", "/rest/").isEmpty)
        XCTAssertEqual(state(try json(result)["github:acme/db#46"]), "open", "the other trackers are still asked")
    }

    // MARK: Proxies

    func testHTTPSRequestsTunnelThroughTheProxyTheEnvironmentNames() throws {
        let authority = try ThrowawayCA()
        let server = try FakeTracker(fixture(), certificate: authority)
        let proxy = try ForwardProxy()
        let dir = try repository(server.base)
        let result = try bugs(["--refresh", "--tracker", "jira", "--format", "json"], in: dir,
                              environment: tokens.merging(["HTTPS_PROXY": proxy.url, "CURL_CA_BUNDLE": authority.authorityCertificate]) { $1 })
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(state(try json(result)["JIRA:OPS-13"]), "closed")
        XCTAssertFalse(proxy.requests.isEmpty)
        XCTAssertTrue(proxy.requests.allSatisfy { $0.method == "CONNECT" && $0.target == "127.0.0.1:\(server.port)" }, "\(proxy.requests)")
        XCTAssertEqual(server.requests("GET", "/rest/api/2/search").count, 3)
    }

    func testPlainHTTPRequestsGoThroughTheProxyTheEnvironmentNames() throws {
        let server = try FakeTracker(fixture())
        let proxy = try ForwardProxy()
        let dir = try repository(server.base)
        let result = try bugs(["--refresh", "--tracker", "jira", "--format", "json"], in: dir,
                              environment: tokens.merging(["HTTP_PROXY": proxy.url]) { $1 })
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(state(try json(result)["JIRA:OPS-13"]), "closed")
        XCTAssertEqual(proxy.requests.count, 3)
        XCTAssertTrue(proxy.requests.allSatisfy { $0.method == "GET" && $0.target.hasPrefix("\(server.base)/rest/api/2/search?") }, "\(proxy.requests)")
        XCTAssertEqual(server.requests.count, 3)
    }

    func testHostsInNoProxyAreReachedDirectly() throws {
        let server = try FakeTracker(fixture())
        let proxy = try ForwardProxy()
        let dir = try repository(server.base)
        let result = try bugs(["--refresh", "--format", "json"], in: dir,
                              environment: tokens.merging(["HTTP_PROXY": proxy.url, "HTTPS_PROXY": proxy.url, "NO_PROXY": "localhost,127.0.0.1"]) { $1 })
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(state(try json(result)["JIRA:OPS-13"]), "closed")
        XCTAssertTrue(proxy.requests.isEmpty, "\(proxy.requests)")
        XCTAssertFalse(server.requests.isEmpty)
    }

    // MARK: Progress

    func testAProgressLineOnATerminalAndNoneOnAPipe() throws {
        let server = try FakeTracker(fixture())
        let dir = try repository(server.base)
        let arguments = ["bugs", "--refresh", "--format", "csv"] + today
        let terminal = try CLI.run("/usr/bin/env", ["python3", CLI.packageRoot.appendingPathComponent("Tests/trackers/on_terminal.py").path,
                                                    CLI.binary.path] + arguments, in: dir.url, environment: networkEnvironment(tokens))
        XCTAssertEqual(terminal.status, 0, terminal.stderr + terminal.stdout)
        XCTAssertTrue(terminal.stdout.contains("\rfetching tracker states: 9/9\u{1B}[K"), terminal.stdout.debugDescription)
        XCTAssertTrue(terminal.stdout.contains("\r\u{1B}[K"), "the line is cleared before the listing")

        let piped = try CLI.run("/bin/sh", ["-c", #""$0" "$@" 2>&1 | cat"#, CLI.binary.path] + arguments, in: dir.url, environment: networkEnvironment(tokens))
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertTrue(piped.stdout.contains("JIRA:OPS-13,jira,"), piped.stdout)
        XCTAssertFalse(piped.stdout.contains("fetching tracker states"), piped.stdout)
        XCTAssertFalse(piped.stdout.contains("\u{1B}"), piped.stdout.debugDescription)
    }

    // MARK: GitHub's conditional requests

    func testGitHubConditionalRequestsKeepTheStateAnUnchangedIssueAnswers304For() throws {
        var fixture = self.fixture()
        fixture["github"] = ["repos": ["acme/db": [
            "45": ["state": "CLOSED", "stateReason": "COMPLETED", "closedAt": "2026-03-05T10:00:00Z", "assignee": "bob-gh"],
            "46": ["state": "OPEN"],
            "99": ["state": "OPEN", "deleted": true],
        ]]]
        let server = try FakeTracker(fixture)
        let dir = try repository(server.base, githubExtra: "\n    states_api: rest")
        let first = try bugs(["--refresh", "--tracker", "github", "--format", "json"], in: dir)
        XCTAssertEqual(first.status, 0, first.stderr)
        var rows = try json(first)
        XCTAssertEqual(state(rows["github:acme/db#45"]), "closed")
        XCTAssertEqual((rows["github:acme/db#45"]?["state"] as? [String: Any])?["resolution"] as? String, "completed")
        XCTAssertEqual((rows["github:acme/db#45"]?["state"] as? [String: Any])?["assignee"] as? String, "bob-gh")
        XCTAssertEqual(state(rows["github:acme/db#46"]), "open")
        XCTAssertEqual(state(rows["github:acme/db#99"]), "missing", "410: the issue was deleted")
        XCTAssertTrue(server.requests("POST", "/graphql").isEmpty)
        let firstRequests = server.requests("GET", "/repos/acme/db/issues/")
        XCTAssertEqual(Set(firstRequests.map(\.path)), ["/repos/acme/db/issues/45", "/repos/acme/db/issues/46", "/repos/acme/db/issues/99"])
        XCTAssertTrue(firstRequests.allSatisfy { $0.headers["if-none-match"] == nil && $0.headers["authorization"] == "Bearer ghp-secret" })

        // Each issue's ETag is kept with its state. The kept states are made older, and one is
        // given an assignee the tracker does not have, to see that a 304 keeps what was kept.
        let file = dir.path(".git/aftermath/tracker-states-v\(TrackerStates.formatVersion)")
        let kept = try XCTUnwrap(TrackerStates(decoding: Array(try Data(contentsOf: file))))
        let etag = try XCTUnwrap(kept["github:acme/db#46"]?.etag)
        XCTAssertTrue(etag.hasPrefix("W/\""), etag)
        let old = try XCTUnwrap(Timestamp.parseDateTime("2026-01-01T00:00:00Z"))
        try Data(TrackerStates(kept.states.map { state in
            var state = state
            state.fetchedAt = old
            if state.reference == "github:acme/db#46" { state.assignee = "as-kept" }
            return state
        }).encoded()).write(to: file)
        XCTAssertTrue(try CLI.aftermath(["validate"] + today, in: dir.url).stderr.contains("[AM605]"), "the states are stale now")

        let second = try bugs(["--refresh", "--tracker", "github", "--format", "json"], in: dir)
        XCTAssertEqual(second.status, 0, second.stderr)
        let again = server.requests("GET", "/repos/acme/db/issues/").dropFirst(firstRequests.count)
        XCTAssertEqual(again.first { $0.path == "/repos/acme/db/issues/46" }?.headers["if-none-match"], etag)
        XCTAssertNotNil(again.first { $0.path == "/repos/acme/db/issues/45" }?.headers["if-none-match"])
        XCTAssertNil(again.first { $0.path == "/repos/acme/db/issues/99" }?.headers["if-none-match"], "a missing issue has no ETag")
        rows = try json(second)
        let unchanged = try XCTUnwrap(rows["github:acme/db#46"]?["state"] as? [String: Any])
        XCTAssertEqual(unchanged["state"] as? String, "open")
        XCTAssertEqual(unchanged["assignee"] as? String, "as-kept", "304: the kept state stays")
        XCTAssertNotEqual(unchanged["fetched_at"] as? String, "2026-01-01T00:00:00Z", "and is fetched anew")
        XCTAssertEqual(TrackerStates(decoding: Array(try Data(contentsOf: file)))?["github:acme/db#46"]?.etag, etag)
        XCTAssertFalse(try CLI.aftermath(["validate"] + today, in: dir.url).stderr.contains("[AM605]"), "no longer stale")
    }
}
