import XCTest
import Foundation
@testable import AftermathCore

/// `aftermath bugs` against loopback servers answering as Jira, GitHub and GitLab document:
/// what the client sends (paths, JQL, batching, auth schemes), how states map, and how
/// failures (401, rate limits, 5xx, timeouts, malformed answers, lost answers) come out.
final class TrackerCommandTests: XCTestCase {
    let today = ["--today", "2026-03-10"]
    let tokens = ["TEST_JIRA_TOKEN": "jira-secret", "TEST_GITHUB_TOKEN": "ghp-secret", "TEST_GITLAB_TOKEN": "glpat-secret"]

    static let folder = "postmortems/PM-2026-001-db-outage"

    func fixture(_ extra: [String: Any] = [:]) -> [String: Any] {
        var fixture: [String: Any] = [
            "page_size": 1,
            "credentials": ["jira": "Bearer jira-secret", "github": "Bearer ghp-secret", "gitlab": "glpat-secret"],
            "jira": ["issues": [
                "OPS-12": ["status": "In Progress", "category": "indeterminate", "assignee": "Bob Okafor"],
                "OPS-13": ["status": "Done", "category": "done", "resolution": "Fixed", "resolutiondate": "2026-03-08T15:30:00.000+0000"],
            ]],
            "github": ["repos": ["acme/db": [
                "45": ["state": "CLOSED", "stateReason": "COMPLETED", "closedAt": "2026-03-05T10:00:00Z", "assignee": "bob-gh"],
                "46": ["state": "OPEN"],
            ]]],
            "gitlab": ["projects": ["sre/infra": [
                "7": ["state": "opened", "assignee": "bob"],
                "8": ["state": "closed", "closed_at": "2026-03-06T12:00:00.000Z"],
            ]], "users": ["bob": 42]],
        ]
        for (key, value) in extra { fixture[key] = value }
        return fixture
    }

    func configuration(_ base: String, jiraExtra: String = "", githubExtra: String = "", timeout: Int = 2) -> String {
        """
        roots: [postmortems]
        owners: owners.yml
        repository_url: 'https://git.example.org/sre/pm/-/blob/main/{path}'
        trackers:
          - name: jira
            pattern: '^JIRA:(?<key>[A-Z][A-Z0-9]+-[0-9]+)$'
            url: 'https://jira.example.org/browse/{key}'
            kind: jira
            api: '\(base)'
            token_env: TEST_JIRA_TOKEN
            project: OPS
            labels: [postmortem]
            timeout_seconds: \(timeout)\(jiraExtra)
          - name: github
            pattern: '^github:(?<repo>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)#(?<number>[0-9]+)$'
            url: 'https://github.com/{repo}/issues/{number}'
            kind: github
            api: '\(base)'
            token_env: TEST_GITHUB_TOKEN
            project: acme/db
            timeout_seconds: \(timeout)\(githubExtra)
          - name: gitlab
            pattern: '^gitlab:(?<project>[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+)#(?<number>[0-9]+)$'
            url: 'https://gitlab.com/{project}/-/issues/{number}'
            kind: gitlab
            api: '\(base)/api/v4'
            token_env: TEST_GITLAB_TOKEN
            project: sre/infra
            timeout_seconds: \(timeout)

        """
    }

    /// The example repository with bugs in every state: F-01 has an open, a closed and a
    /// missing bug; R-01 is open with its bug closed; R-02 is done with its bug open; F-02
    /// is resolved with one bug open.
    func repository(_ base: String, jiraExtra: String = "", githubExtra: String = "", timeout: Int = 2) throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        var files = RuleExamples.base
        files[".aftermath.yml"] = configuration(base, jiraExtra: jiraExtra, githubExtra: githubExtra, timeout: timeout)
        files["owners.yml"] = (files["owners.yml"] ?? "").replacing("{handle: bob, name: Bob Okafor, email: bob@example.org}",
            with: "{handle: bob, name: Bob Okafor, email: bob@example.org, jira: bob.okafor, github: bob-gh, gitlab: bob}")
        files[RuleExamples.findingPath] = RuleExamples.finding.replacing("bugs: [JIRA:OPS-12]", with: "bugs: [JIRA:OPS-12, 'github:acme/db#45', JIRA:OPS-99]")
        files[RuleExamples.remediationPath] = RuleExamples.remediation.replacing("status: open", with: "bug: JIRA:OPS-13\nstatus: open")
        files["\(Self.folder)/remediations/R-2026-001-02-alerting.md"] = RuleExamples.remediation
            .replacing("R-2026-001-01", with: "R-2026-001-02").replacing("Automate failover", with: "Alert on archiving")
            .replacing("status: open", with: "bug: 'gitlab:sre/infra#7'\nstatus: done\nresolved_at: 2026-03-04\nresolution: Alert added.")
        files["\(Self.folder)/findings/F-2026-001-02-no-alert.md"] = RuleExamples.finding
            .replacing("F-2026-001-01", with: "F-2026-001-02").replacing("No automatic failover", with: "No alert on archiving")
            .replacing("bugs: [JIRA:OPS-12]", with: "bugs: ['github:acme/db#46', 'gitlab:sre/infra#8', 'github:acme/db#99', 'gitlab:sre/gone#1']").replacing("status: open", with: "status: resolved")
        files["\(Self.folder)/remediations/R-2026-001-03-runbook.md"] = RuleExamples.remediation
            .replacing("R-2026-001-01", with: "R-2026-001-03").replacing("F-2026-001-01", with: "F-2026-001-02")
            .replacing("status: open", with: "status: done\nresolved_at: 2026-03-04\nresolution: Runbook written.")
        for (path, text) in files { try dir.write(path, text) }
        try dir.commitAll()
        return dir
    }

    func bugs(_ arguments: [String], in dir: TemporaryDirectory, environment: [String: String]? = nil) throws -> CommandResult {
        try CLI.aftermath(["bugs"] + arguments + today, in: dir.url, environment: networkEnvironment(environment ?? tokens))
    }

    /// `environment` with the proxies and CA bundles of the machine running the tests set empty
    /// (the same as unset) unless it names them: the tests choose what lies on the way.
    func networkEnvironment(_ environment: [String: String]) -> [String: String] {
        let names = ["http_proxy", "https_proxy", "all_proxy", "no_proxy", "CURL_CA_BUNDLE", "SSL_CERT_FILE"]
        let cleared = Dictionary(uniqueKeysWithValues: Set(names + names.map { $0.uppercased() }).map { ($0, "") })
        return cleared.merging(environment) { $1 }
    }

    func json(_ result: CommandResult) throws -> [String: [String: Any]] {
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], result.stdout)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["ref"] as? String ?? "", $0) })
    }

    func state(_ row: [String: Any]?) -> String? { (row?["state"] as? [String: Any])?["state"] as? String }

    // MARK: Refresh, states and drift

    func testRefreshKeepsStatesAndValidateReportsEachDrift() throws {
        let server = try FakeTracker(fixture())
        let dir = try repository(server.base)
        // Before any refresh: no states, no drift, and no request.
        let offline = try CLI.aftermath(["validate", "--format", "json"] + today, in: dir.url, environment: tokens)
        XCTAssertEqual(offline.status, 0, offline.stdout + offline.stderr)
        let unknown = try bugs(["--format", "json"], in: dir)
        XCTAssertEqual(unknown.status, 0, unknown.stderr)
        XCTAssertEqual(try json(unknown)["JIRA:OPS-12"]?["state"] is NSNull, true)
        XCTAssertTrue(server.requests.isEmpty, "nothing reaches the network without --refresh")

        let refreshed = try bugs(["--refresh", "--format", "json"], in: dir)
        XCTAssertEqual(refreshed.status, 0, refreshed.stderr)
        let rows = try json(refreshed)
        XCTAssertEqual(rows.count, 9)
        XCTAssertEqual(state(rows["JIRA:OPS-12"]), "open")
        XCTAssertEqual((rows["JIRA:OPS-12"]?["state"] as? [String: Any])?["status"] as? String, "In Progress")
        XCTAssertEqual((rows["JIRA:OPS-12"]?["state"] as? [String: Any])?["assignee"] as? String, "Bob Okafor")
        XCTAssertEqual(state(rows["JIRA:OPS-13"]), "closed")
        XCTAssertEqual((rows["JIRA:OPS-13"]?["state"] as? [String: Any])?["resolution"] as? String, "Fixed")
        XCTAssertEqual(state(rows["JIRA:OPS-99"]), "missing")
        XCTAssertEqual(state(rows["github:acme/db#45"]), "closed")
        XCTAssertEqual((rows["github:acme/db#45"]?["state"] as? [String: Any])?["resolution"] as? String, "completed")
        XCTAssertEqual(state(rows["github:acme/db#46"]), "open")
        XCTAssertEqual(state(rows["gitlab:sre/infra#7"]), "open")
        XCTAssertEqual(state(rows["gitlab:sre/infra#8"]), "closed")
        XCTAssertEqual(state(rows["github:acme/db#99"]), "missing", "GraphQL: null with NOT_FOUND")
        XCTAssertEqual(state(rows["gitlab:sre/gone#1"]), "missing", "GitLab: the project answers 404")
        XCTAssertEqual(rows["JIRA:OPS-13"]?["drift"] as? [String], ["closed-bug-of-open-item"])
        XCTAssertEqual(rows["gitlab:sre/infra#7"]?["drift"] as? [String], ["open-bug-of-done-item"])
        XCTAssertEqual(rows["github:acme/db#46"]?["drift"] as? [String], ["open-bug-of-resolved-finding"])
        XCTAssertEqual(rows["JIRA:OPS-99"]?["drift"] as? [String], ["missing-tracker-issue"])

        // Jira: one `key in (…)` search with bearer auth; refused for the unknown key, then
        // again without it, a page at a time (startAt).
        let searches = server.requests("GET", "/rest/api/2/search")
        XCTAssertEqual(searches.map { $0.value("jql") ?? "" }, [
            #"key in ("OPS-12", "OPS-13", "OPS-99")"#, #"key in ("OPS-12", "OPS-13")"#, #"key in ("OPS-12", "OPS-13")"#,
        ])
        XCTAssertEqual(searches.map { $0.value("startAt") ?? "" }, ["0", "0", "1"])
        XCTAssertTrue(searches.allSatisfy { $0.headers["authorization"] == "Bearer jira-secret" })
        // GitHub: one GraphQL query for both issues, bearer auth.
        let graphql = server.requests("POST", "/graphql")
        XCTAssertEqual(graphql.count, 1)
        XCTAssertEqual(graphql.first?.headers["authorization"], "Bearer ghp-secret")
        XCTAssertTrue(graphql.first?.body.contains("i1: issueOrPullRequest(number: 46)") ?? false, graphql.first?.body ?? "")
        // GitLab: the project's issues by iids[], PRIVATE-TOKEN, pages followed.
        let gitlab = server.requests("GET", "/api/v4/projects/sre%2Finfra/issues")
        XCTAssertEqual(gitlab.map { $0.value("page") ?? "" }, ["1", "2"])
        XCTAssertEqual(gitlab.first?.query.filter { $0.0 == "iids[]" }.map(\.1), ["7", "8"])
        XCTAssertEqual(gitlab.first?.headers["private-token"], "glpat-secret")
        XCTAssertNil(gitlab.first?.headers["authorization"])

        // States are kept in .git/aftermath, never in the working tree; validate judges from
        // them with no network (the earlier run's summary is not reused for other states).
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.path(".git/aftermath/tracker-states-v2").path))
        XCTAssertEqual(try CLI.git(["status", "--porcelain"], in: dir.url).stdout, "")
        let requestsBefore = server.requests.count
        let validated = try CLI.aftermath(["validate", "--format", "json"] + today, in: dir.url, environment: [:])
        XCTAssertEqual(validated.status, 1)
        let found = try jsonDiagnostics(validated).map { "\($0["rule"] ?? "") \(($0["path"] as? String ?? "").split(separator: "/").last ?? "")" }
        XCTAssertEqual(Set(found), [
            "AM601 R-2026-001-02-alerting.md", "AM602 R-2026-001-01-automate-failover.md",
            "AM603 F-2026-001-02-no-alert.md", "AM604 F-2026-001-01-no-failover.md", "AM604 F-2026-001-02-no-alert.md",
        ])
        let closed = try jsonDiagnostics(validated).first { $0["rule"] as? String == "AM602" }?["message"] as? String ?? ""
        XCTAssertTrue(closed.contains("aftermath set R-2026-001-01 status=done resolved_at=2026-03-08 resolution='Fixed in JIRA:OPS-13'"), closed)
        XCTAssertEqual(server.requests.count, requestsBefore, "validate never asks a tracker")

        // Filters, over the kept states (offline).
        XCTAssertEqual(Set(try json(try bugs(["--drift", "--format", "json"], in: dir, environment: [:])).keys),
                       ["JIRA:OPS-13", "gitlab:sre/infra#7", "github:acme/db#46", "JIRA:OPS-99", "github:acme/db#99", "gitlab:sre/gone#1"])
        XCTAssertEqual(Set(try json(try bugs(["--state", "missing", "--format", "json"], in: dir, environment: [:])).keys),
                       ["JIRA:OPS-99", "github:acme/db#99", "gitlab:sre/gone#1"])
        XCTAssertEqual(Set(try json(try bugs(["--tracker", "gitlab", "--kind", "remediation", "--format", "json"], in: dir, environment: [:])).keys),
                       ["gitlab:sre/infra#7"])
        XCTAssertEqual(try bugs(["--tracker", "jria"], in: dir).status, 64)

        // `show` and `list` give each bug's kept state beside its link.
        let shown = try CLI.aftermath(["show", "R-2026-001-01"] + today, in: dir.url)
        XCTAssertTrue(shown.stdout.contains("bug: JIRA:OPS-13 <https://jira.example.org/browse/OPS-13> (closed: Done, Fixed)"), shown.stdout)
        let listed = try CLI.aftermath(["list", "--all", "--format", "json"] + today, in: dir.url)
        XCTAssertTrue(listed.stdout.contains(#""state": "open""#), listed.stdout)

        let report = try CLI.aftermath(["report", "PM-2026-001", "--format", "markdown"] + today, in: dir.url)
        XCTAssertTrue(report.stdout.contains("[JIRA:OPS-13 (closed: Done, Fixed)](https://jira.example.org/browse/OPS-13)"), report.stdout)
        let dashboard = try CLI.aftermath(["report", "--format", "html", "--today", "2026-03-25"], in: dir.url)  // R-01 overdue: its bug is shown
        XCTAssertTrue(dashboard.stdout.contains("JIRA:OPS-13 (closed: Done, Fixed)"), dashboard.stderr + dashboard.stdout.split(separator: "\n").filter { $0.contains("OPS-") }.joined(separator: "\n"))
        let markdownList = try CLI.aftermath(["list", "--format", "markdown"] + today, in: dir.url)
        XCTAssertTrue(markdownList.stdout.contains("[JIRA:OPS-13 (closed: Done, Fixed)](https://jira.example.org/browse/OPS-13)"), markdownList.stdout + markdownList.stderr)

        // A damaged states file reads as none: no drift, until the next refresh.
        try dir.write(".git/aftermath/tracker-states-v2", "aftermath-tracker-states 2 0000000000000000\ngarbage\n")
        XCTAssertEqual(try CLI.aftermath(["validate"] + today, in: dir.url).status, 0)
    }

    func testJiraCloudPagesByTokenWithBasicAuth() throws {
        let basic = "Basic " + Data("ops@example.org:jira-secret".utf8).base64EncodedString()
        let server = try FakeTracker(fixture(["credentials": ["jira": basic]]))
        let dir = try repository(server.base, jiraExtra: "\n    email_env: TEST_JIRA_EMAIL")
        let result = try bugs(["--refresh", "--tracker", "jira", "--format", "csv"], in: dir,
                              environment: tokens.merging(["TEST_JIRA_EMAIL": "ops@example.org"]) { $1 })
        XCTAssertEqual(result.status, 0, result.stderr)
        let searches = server.requests("GET", "/rest/api/3/search/jql")
        XCTAssertEqual(searches.count, 3)
        XCTAssertEqual(searches.map { $0.value("nextPageToken") }, [nil, nil, "1"])
        XCTAssertTrue(searches.allSatisfy { $0.headers["authorization"] == basic })
        XCTAssertTrue(result.stdout.contains("JIRA:OPS-13,jira,https://jira.example.org/browse/OPS-13,closed,Done,Fixed"), result.stdout)
    }

    /// Jira's search takes 50 keys, GitHub's GraphQL 100 issues: more references make more
    /// requests, each as full as the API allows. A merged pull request counts as closed.
    func testReferencesAreBatchedAsEachAPIAllows() throws {
        var jira: [String: Any] = ["OPS-13": ["status": "Done", "category": "done", "resolution": "Fixed"]]
        for n in 100..<160 { jira["OPS-\(n)"] = ["status": "To Do", "category": "new"] }
        var github: [String: Any] = ["46": ["state": "OPEN"], "320": ["type": "PullRequest", "state": "MERGED", "closedAt": "2026-03-05T10:00:00Z"]]
        for n in 200..<320 { github["\(n)"] = ["state": "OPEN"] }
        var fixture = self.fixture(["page_size": 100])
        fixture["jira"] = ["issues": jira]
        fixture["github"] = ["repos": ["acme/db": github]]
        let server = try FakeTracker(fixture)
        let dir = try repository(server.base)
        let references = (100..<160).map { "JIRA:OPS-\($0)" } + (200...320).map { "'github:acme/db#\($0)'" }
        try dir.write(RuleExamples.findingPath, RuleExamples.finding.replacing("bugs: [JIRA:OPS-12]", with: "bugs: [\(references.joined(separator: ", "))]"))
        let result = try bugs(["--refresh", "--tracker", "jira", "--tracker", "github", "--format", "json"], in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = try json(result)
        XCTAssertEqual(state(rows["JIRA:OPS-159"]), "open")
        XCTAssertEqual(state(rows["github:acme/db#319"]), "open")
        let merged = rows["github:acme/db#320"]?["state"] as? [String: Any]
        XCTAssertEqual(merged?["state"] as? String, "closed")
        XCTAssertEqual(merged?["status"] as? String, "merged")
        // 61 Jira keys (OPS-13 from R-2026-001-01): 50, then 11.
        let searches = server.requests("GET", "/rest/api/2/search").map { $0.value("jql") ?? "" }
        XCTAssertEqual(searches.map { $0.filter { $0 == "\"" }.count / 2 }.sorted(), [11, 50], "\(searches)")
        // 123 GitHub issues (#46 and #99 from F-2026-001-02): 100, then 23.
        let queries = server.requests("POST", "/graphql").map { $0.body.components(separatedBy: "issueOrPullRequest(").count - 1 }
        XCTAssertEqual(queries.sorted(), [23, 100])
        XCTAssertTrue(server.requests("GET", "/api/v4").isEmpty, "--tracker: GitLab is not asked")
    }

    // MARK: Failures

    /// A token a server echoes back is masked; none is ever written with the kept states.
    func testTokensAreMaskedInWhatAServerEchoesAndNeverKept() throws {
        let server = try FakeTracker(fixture(["faults": [["match": "GET /api/v4/projects/sre%2Finfra/issues", "status": 422, "times": 1,
                                                          "body": #"{"message": "token glpat-secret may not list issues"}"#]]]))
        let dir = try repository(server.base)
        let result = try bugs(["--refresh", "--format", "json"], in: dir)
        XCTAssertEqual(result.status, 5)
        XCTAssertTrue(result.stderr.contains("tracker `gitlab`: HTTP 422"), result.stderr)
        XCTAssertTrue(result.stderr.contains("token *** may not list issues"), result.stderr)
        let kept = try String(decoding: Data(contentsOf: dir.path(".git/aftermath/tracker-states-v\(TrackerStates.formatVersion)")), as: UTF8.self)
        XCTAssertTrue(kept.contains("JIRA:OPS-12"))
        for token in tokens.values {
            XCTAssertFalse(result.stderr.contains(token) || result.stdout.contains(token) || kept.contains(token), token)
        }
    }


    func testRefusedTokenNamesTheVariableNeverTheTokenAndTheRestIsShown() throws {
        let server = try FakeTracker(fixture())
        let dir = try repository(server.base)
        var environment = tokens
        environment["TEST_JIRA_TOKEN"] = "wrong-token-value"
        environment.removeValue(forKey: "TEST_GITLAB_TOKEN")
        let result = try bugs(["--refresh", "--format", "json"], in: dir, environment: environment)
        XCTAssertEqual(result.status, 5)
        XCTAssertTrue(result.stderr.contains("tracker `jira`: HTTP 401"), result.stderr)
        XCTAssertTrue(result.stderr.contains("`TEST_JIRA_TOKEN`"), result.stderr)
        XCTAssertTrue(result.stderr.contains("tracker `gitlab`: the environment variable `TEST_GITLAB_TOKEN` (its token) is not set"), result.stderr)
        XCTAssertFalse((result.stderr + result.stdout).contains("wrong-token-value"))
        let rows = try json(result)
        XCTAssertEqual(state(rows["github:acme/db#46"]), "open", "the other trackers' states still come")
        XCTAssertNil(state(rows["JIRA:OPS-12"]))
        XCTAssertEqual(server.requests("GET", "/rest/api/2/search").count, 1, "a refused token is not retried")
        XCTAssertTrue(server.requests("GET", "/api/v4").isEmpty, "no request without a token")
    }

    func testRateLimitsAreWaitedOutAndServerErrorsRetried() throws {
        let reset = Int(Date().timeIntervalSince1970) + 1
        let server = try FakeTracker(fixture(["faults": [
            ["match": "GET /rest/api/2/search", "status": 429, "headers": ["Retry-After": "1"], "body": "{}", "times": 1],
            ["match": "POST /graphql", "status": 403, "times": 1, "body": #"{"message": "API rate limit exceeded"}"#,
             "headers": ["X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "\(reset)"]],
            ["match": "GET /api/v4/projects", "status": 500, "times": 1, "body": "{}"],
        ]]))
        let dir = try repository(server.base)
        let result = try bugs(["--refresh", "--format", "json"], in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = try json(result)
        XCTAssertEqual(state(rows["JIRA:OPS-13"]), "closed")
        XCTAssertEqual(state(rows["github:acme/db#46"]), "open")
        XCTAssertEqual(state(rows["gitlab:sre/infra#8"]), "closed")
        XCTAssertEqual(server.requests("POST", "/graphql").count, 2)
        XCTAssertEqual(server.requests("GET", "/api/v4/projects").count, 4, "the 500 is retried; two pages of one project, one of the other")
    }

    func testAServerThatNeverAnswersTimesOut() throws {
        let server = try FakeTracker(fixture(["faults": [["match": "POST /graphql", "hang": true, "seconds": 20]]]))
        let dir = try repository(server.base, timeout: 1)
        let result = try bugs(["--refresh", "--format", "json"], in: dir)
        XCTAssertEqual(result.status, 5)
        XCTAssertTrue(result.stderr.contains("tracker `github`: no answer from 127.0.0.1 within the timeout"), result.stderr)
        XCTAssertEqual(state(try json(result)["JIRA:OPS-12"]), "open")
    }

    func testMalformedJSONIsAClearError() throws {
        let server = try FakeTracker(fixture(["faults": [["match": "GET /api/v4/projects", "status": 200, "body": "{\"iid\": 7,", "times": 1]]]))
        let dir = try repository(server.base)
        let result = try bugs(["--refresh", "--tracker", "gitlab"], in: dir)
        XCTAssertEqual(result.status, 5)
        XCTAssertTrue(result.stderr.contains("tracker `gitlab`: the answer to listing a project's issues is not the JSON the API documents"), result.stderr)
        XCTAssertTrue(result.stdout.contains("gitlab:sre/infra#7"), "the listing is still given")
    }

    /// Requests go through the proxy the environment names (libcurl's `http_proxy`; for
    /// HTTPS APIs `https_proxy`/`HTTPS_PROXY`), to a host only the proxy knows.
    func testRequestsGoThroughTheProxy() throws {
        let server = try FakeTracker(fixture())
        let dir = try repository("http://tracker.invalid")
        var environment = tokens
        environment["http_proxy"] = server.base
        let result = try bugs(["--refresh", "--tracker", "jira", "--format", "json"], in: dir, environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(state(try json(result)["JIRA:OPS-12"]), "open")
        XCTAssertFalse(server.requests.isEmpty)
        XCTAssertTrue(server.requests.allSatisfy { $0.proxied && $0.host == "tracker.invalid" })
    }

    /// Hosts in `no_proxy` are reached directly, past a proxy that would fail.
    func testNoProxyHostsAreReachedDirectly() throws {
        let server = try FakeTracker(fixture())
        let dir = try repository(server.base)
        var environment = tokens
        environment["http_proxy"] = "http://127.0.0.1:9"
        environment["no_proxy"] = "127.0.0.1"
        let result = try bugs(["--refresh", "--tracker", "jira", "--format", "json"], in: dir, environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(state(try json(result)["JIRA:OPS-12"]), "open")
        XCTAssertTrue(server.requests.allSatisfy { !$0.proxied })
    }

    // MARK: Filing

    func item(_ dir: TemporaryDirectory) throws -> String { try dir.read(RuleExamples.remediationPath) }

    func testFilingSurvivesALostAnswerWithoutADuplicate() throws {
        let server = try FakeTracker(fixture(["faults": [["match": "POST /rest/api/2/issue", "drop_after": true, "times": 1]]]))
        let dir = try repository(server.base)
        try dir.write(RuleExamples.remediationPath, RuleExamples.remediation)
        try dir.commitAll("no bug yet")
        let lost = try bugs(["file", "R-2026-001-01", "--tracker", "jira"], in: dir)
        XCTAssertEqual(lost.status, 5, lost.stderr)
        XCTAssertTrue(lost.stderr.contains("tracker `jira`: cannot reach 127.0.0.1, or the connection was lost"), lost.stderr)
        XCTAssertFalse(try item(dir).contains("bug:"))
        let again = try bugs(["file", "R-2026-001-01", "--tracker", "jira"], in: dir)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("found the issue filed earlier for R-2026-001-01: JIRA:OPS-14"), again.stderr)
        XCTAssertEqual(again.stdout, "JIRA:OPS-14 <https://jira.example.org/browse/OPS-14>\n")
        XCTAssertEqual(try item(dir), RuleExamples.remediation.replacing("status: open\n", with: "status: open\nbug: JIRA:OPS-14\n"),
                       "only the bug line is added")
        let creates = server.requests("POST", "/rest/api/2/issue")
        XCTAssertEqual(creates.count, 1, "filed once")
        let sent = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(creates[0].body.utf8)) as? [String: Any])["fields"] as? [String: Any]
        XCTAssertEqual(sent?["summary"] as? String, "R-2026-001-01: Automate failover")
        XCTAssertEqual(sent?["labels"] as? [String], ["postmortem", "aftermath-R-2026-001-01"])
        XCTAssertEqual(sent?["duedate"] as? String, "2026-03-20")
        XCTAssertEqual((sent?["assignee"] as? [String: String])?["name"], "bob.okafor")
        XCTAssertTrue((sent?["description"] as? String ?? "").contains("https://git.example.org/sre/pm/-/blob/main/\(RuleExamples.remediationPath)"))
        // Now it has a reference: a third run refuses.
        let twice = try bugs(["file", "R-2026-001-01", "--tracker", "jira"], in: dir)
        XCTAssertEqual(twice.status, 1)
        XCTAssertTrue(twice.stderr.contains("already has a bug reference (JIRA:OPS-14); nothing was filed"), twice.stderr)
    }

    func testFilingOnGitHubAndGitLab() throws {
        let server = try FakeTracker(fixture())
        let dir = try repository(server.base)
        try dir.write(RuleExamples.remediationPath, RuleExamples.remediation)
        try dir.commitAll("no bug yet")
        let github = try bugs(["file", "R-2026-001-01", "--tracker", "github"], in: dir)
        XCTAssertEqual(github.status, 0, github.stderr)
        XCTAssertEqual(github.stdout, "github:acme/db#47 <https://github.com/acme/db/issues/47>\n")
        let sent = try XCTUnwrap(JSONSerialization.jsonObject(with: Data((server.requests("POST", "/repos/acme/db/issues").first?.body ?? "").utf8)) as? [String: Any])
        XCTAssertEqual(sent["assignees"] as? [String], ["bob-gh"])
        XCTAssertEqual(server.requests("GET", "/repos/acme/db/issues").first?.value("labels"), "aftermath-R-2026-001-01")

        try dir.write(RuleExamples.remediationPath, RuleExamples.remediation)
        let gitlab = try bugs(["file", "R-2026-001-01", "--tracker", "gitlab"], in: dir)
        XCTAssertEqual(gitlab.status, 0, gitlab.stderr)
        XCTAssertEqual(gitlab.stdout, "gitlab:sre/infra#9 <https://gitlab.com/sre/infra/-/issues/9>\n")
        let created = try XCTUnwrap(JSONSerialization.jsonObject(with: Data((server.requests("POST", "/api/v4/projects/sre%2Finfra/issues").first?.body ?? "").utf8)) as? [String: Any])
        XCTAssertEqual(created["assignee_ids"] as? [Int], [42])
        XCTAssertEqual(created["due_date"] as? String, "2026-03-20")
        XCTAssertEqual(created["labels"] as? String, "aftermath-R-2026-001-01")
    }

    func testDryRunPrintsTheRequestWithTheTokenMaskedAndSendsNothing() throws {
        let server = try FakeTracker(fixture())
        let dir = try repository(server.base)
        let result = try bugs(["file", "F-2026-001-01", "--tracker", "gitlab", "--dry-run"], in: dir)
        XCTAssertEqual(result.status, 1, "the finding has references already")
        try dir.write(RuleExamples.findingPath, RuleExamples.finding.replacing("bugs: [JIRA:OPS-12]\n", with: "").replacing("status: open", with: "status: accepted-risk\njustification: x\napproved_by: carol"))
        let dry = try bugs(["file", "F-2026-001-01", "--tracker", "jira", "--dry-run"], in: dir)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.hasPrefix("POST \(server.base)/rest/api/2/issue\n"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("Authorization: Bearer ***\n"), dry.stdout)
        XCTAssertFalse(dry.stdout.contains("jira-secret"))
        XCTAssertTrue(server.requests.isEmpty)
    }
}
