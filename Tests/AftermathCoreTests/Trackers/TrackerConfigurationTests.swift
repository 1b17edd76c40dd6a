import XCTest
@testable import AftermathCore

/// Trackers' API settings in `.aftermath.yml` and tracker accounts in `owners.yml`.
final class TrackerConfigurationTests: XCTestCase {
    func load(config: String, owners: String? = nil) throws -> Result<Ruleset, ConfigurationError> {
        var overlay = [".aftermath.yml": config]
        if let owners { overlay["owners.yml"] = owners }
        return try RulesetLoader.load(from: InMemorySnapshot(files: RuleExamples.merged(overlay)))
    }

    func testEachKindIsRead() throws {
        let config = """
        repository_url: 'https://git.example.org/sre/pm/-/blob/main/{path}'
        policies: {tracker_state_days: 7}
        trackers:
          - name: jira
            pattern: '^JIRA:(?<key>[A-Z][A-Z0-9]+-[0-9]+)$'
            url: 'https://example.atlassian.net/browse/{key}'
            kind: jira
            api: 'https://example.atlassian.net/'
            token_env: JIRA_TOKEN
            email_env: JIRA_EMAIL
            project: OPS
            labels: [postmortem]
            timeout_seconds: 5
          - name: github
            pattern: '^github:(?<repo>[^/#]+/[^/#]+)#(?<number>[0-9]+)$'
            url: 'https://github.com/{repo}/issues/{number}'
            kind: github
            token_env: GITHUB_TOKEN
          - name: gitlab
            pattern: '^gitlab:(?<project>[a-z/]+)#(?<number>[0-9]+)$'
            url: 'https://gitlab.example.org/{project}/-/issues/{number}'
            kind: gitlab
            api: 'https://gitlab.example.org/api/v4'
            token_env: GITLAB_TOKEN
          - name: plain
            pattern: '^PLAIN-[0-9]+$'
            url: 'https://plain.example.org/{ref}'

        """
        let configuration = try load(config: config).get().configuration
        let apis = configuration.trackers.trackers.map(\.api)
        XCTAssertEqual(apis[0], TrackerAPI(kind: .jira, base: "https://example.atlassian.net", tokenVariable: "JIRA_TOKEN",
                                           emailVariable: "JIRA_EMAIL", project: "OPS", labels: ["postmortem"], timeoutSeconds: 5))
        XCTAssertTrue(apis[0]?.isJiraCloud ?? false)
        XCTAssertEqual(apis[1]?.base, "https://api.github.com")
        XCTAssertEqual(apis[2]?.base, "https://gitlab.example.org/api/v4")
        XCTAssertNil(apis[3])
        XCTAssertEqual(configuration.trackerStateDays, 7)
        XCTAssertEqual(configuration.repositoryURL, "https://git.example.org/sre/pm/-/blob/main/{path}")
        XCTAssertEqual(configuration.trackers.trackers[1].fields(of: "github:acme/db#45"), ["repo": "acme/db", "number": "45"])
    }

    func testCABundleAndGitHubsStatesAPI() throws {
        let github = "  - {name: gh, pattern: '^gh:(?<repo>[^#]+)#(?<number>[0-9]+)$', url: 'https://x/{number}', kind: github"
        let read = try load(config: "trackers:\n\(github), ca_bundle: certs/acme-ca.pem, states_api: rest}\n").get()
        XCTAssertEqual(read.configuration.trackers.trackers[0].api?.caBundle, "certs/acme-ca.pem")
        XCTAssertEqual(read.configuration.trackers.trackers[0].api?.restStates, true)
        XCTAssertEqual(try load(config: "trackers:\n\(github)}\n").get().configuration.trackers.trackers[0].api?.restStates, false)

        for (config, message) in [
            ("trackers:\n\(github), ca_bundle: ../ca.pem}\n", "tracker `gh`: `ca_bundle` contains `..`"),
            ("trackers:\n  - {name: j, pattern: '^J:(?<key>[A-Z]+-[0-9]+)$', url: 'https://j/{key}', kind: jira, api: 'https://j', states_api: rest}\n",
             "tracker `j`: `states_api` is for `github` trackers"),
        ] {
            guard case .failure(let error) = try load(config: config) else { XCTFail("expected a configuration error: \(config)"); continue }
            XCTAssertTrue(error.diagnostics.first?.message.hasPrefix(message) ?? false, "\(error.diagnostics.map(\.message))")
        }
        guard case .failure(let refused) = try load(config: "trackers:\n\(github), states_api: soap}\n") else { return XCTFail("the schema refuses it") }
        XCTAssertFalse(refused.diagnostics.isEmpty)
    }

    func testAKindNeedsItsNamedGroups() throws {
        let config = "trackers:\n  - {name: gh, pattern: '^gh:(?<number>[0-9]+)$', url: 'https://x/{number}', kind: github}\n"
        guard case .failure(let error) = try load(config: config) else { return XCTFail("expected a configuration error") }
        XCTAssertEqual(error.diagnostics.map(\.message), ["tracker `gh`: a `github` tracker's pattern needs the named group `(?<repo>…)`"])
        XCTAssertEqual(error.diagnostics.first?.location.line, 2)
    }

    func testJiraNeedsItsBaseURL() throws {
        let config = "trackers:\n  - {name: jira, pattern: '^J:(?<key>[A-Z]+-[0-9]+)$', url: 'https://x/{key}', kind: jira}\n"
        guard case .failure(let error) = try load(config: config) else { return XCTFail("expected a configuration error") }
        XCTAssertTrue(error.diagnostics.first?.message.contains("needs `api`") ?? false)
    }

    /// Only a variable's name is configured: a value that is not one is refused by the schema.
    func testTokenIsNeverConfiguredItself() throws {
        let config = "trackers:\n  - {name: g, pattern: '^g:(?<repo>a/b)#(?<number>1)$', url: 'u', kind: github, token_env: 'ghp_abc-123'}\n"
        guard case .failure(let error) = try load(config: config) else { return XCTFail("expected a configuration error") }
        XCTAssertEqual(error.diagnostics.map(\.ruleID), [RuleID.schema])
    }

    func testOwnersCarryTrackerAccounts() throws {
        let owners = """
        people:
          - {handle: alice, name: Alice Moreau, aliases: [amoreau], jira: 5b10ac8d82e05b22cc7d4ef5, github: amoreau-gh, gitlab: amoreau}
          - {handle: bob, name: Bob Okafor}
          - {handle: carol, name: Carol Diaz}
        teams:
          - {handle: sre, members: [alice, bob]}

        """
        let owners0 = try load(config: "roots: [postmortems]\n", owners: owners).get().owners
        XCTAssertEqual(owners0.account(of: "amoreau", kind: "github"), "amoreau-gh")
        XCTAssertEqual(owners0.account(of: "alice", kind: "jira"), "5b10ac8d82e05b22cc7d4ef5")
        XCTAssertNil(owners0.account(of: "bob", kind: "gitlab"))
        XCTAssertNil(owners0.account(of: "sre", kind: "gitlab"))
    }
}

/// The reference `bugs file` writes for a created issue: the tracker's pattern filled in.
final class TrackerReferenceTests: XCTestCase {
    func testDefaultPatternsGiveReferencesBack() {
        let trackers = Tracker.defaults
        XCTAssertEqual(trackers[0].reference(["key": "OPS-14"]), "JIRA:OPS-14")
        XCTAssertEqual(trackers[1].reference(["repo": "acme/db", "number": "47"]), "github:acme/db#47")
        XCTAssertEqual(trackers[2].reference(["project": "group/sub/project", "number": "9"]), "gitlab:group/sub/project#9")
    }

    func testEscapedCharactersAreTextAndOtherRegexIsRefused() throws {
        XCTAssertEqual(try Tracker(name: "t", pattern: ##"^T\#(?<number>[0-9]+)$"##, url: "u").reference(["number": "5"]), "T#5")
        XCTAssertNil(try Tracker(name: "t", pattern: #"^(T|U)-(?<number>[0-9]+)$"#, url: "u").reference(["number": "5"]))
        XCTAssertNil(Tracker.defaults[0].reference(["key": "not a key"]), "a result the pattern does not take")
        XCTAssertNil(Tracker.defaults[0].reference([:]))
    }
}
