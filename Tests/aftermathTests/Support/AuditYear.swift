import Foundation
import XCTest

/// A repository with a year of real commits, each at its own date and by its own author,
/// with what an audit must find planted in it:
///
/// - PM-2026-001 (sev2): approved by farah, who is not an author; R-2026-001-01 done on time;
///   R-2026-001-02's due date pushed back 7 days and then done 6 days late; closed by farah;
///   then its body edited while closed, without reopening it.
/// - PM-2026-002 (sev1, breach): customers notified 71 hours after declaration, in a complete
///   first notice promising an update, which was sent on time and promised another that never
///   came; `approved_by` set in a commit by bob, its author; R-2026-002-01 still open long after
///   its due date.
/// - PM-2026-003 (sev1, breach): customers notified 73 hours after declaration, in a first
///   notice without the mitigation, and its promised update sent two days late; approved by
///   farah in a signed commit (SSH, when ssh-keygen is here); closed with an accepted risk,
///   reopened with a reason, closed again.
/// - PM-2026-004 (sev3): published without `approved_by` (a validation error).
/// - PM-2025-009: declared in 2025, outside the audited year.
final class AuditYear {
    let dir: TemporaryDirectory
    /// The temporary HOME every git command runs with (the signing key lives there).
    let home: URL
    /// Commit IDs by label.
    private(set) var commits: [String: String] = [:]
    /// Whether the signed commit is really signed (ssh-keygen was found).
    private(set) var signed = false

    static let people = [
        "alice": ("Alice Moreau", "alice.moreau@acme.example"), "bob": ("Bob Okafor", "bob.okafor@acme.example"),
        "carol": ("Carol Diaz", "carol.diaz@acme.example"), "farah": ("Farah Haddad", "farah.haddad@acme.example"),
        "erin": ("Erin Walsh", "erin.walsh@acme.example"),
    ]

    init() throws {
        dir = try TemporaryDirectory()
        home = dir.path("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.path("repo"), withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"])
        try plant()
    }

    var repo: URL { dir.path("repo") }

    var environment: [String: String] { ["HOME": home.path, "GIT_CONFIG_GLOBAL": home.appendingPathComponent(".gitconfig").path] }

    @discardableResult
    func git(_ arguments: [String], environment extra: [String: String] = [:]) throws -> CommandResult {
        let result = try CLI.git(arguments, in: repo, environment: environment.merging(extra) { $1 })
        XCTAssertEqual(result.status, 0, "git \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    func write(_ path: String, _ text: String) throws {
        let url = repo.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String { try String(contentsOf: repo.appendingPathComponent(path), encoding: .utf8) }

    func edit(_ path: String, _ from: String, _ to: String) throws {
        let text = try read(path)
        XCTAssertTrue(text.contains(from), "\(path) holds `\(from)`")
        try write(path, text.replacingOccurrences(of: from, with: to))
    }

    /// Commits everything at `date` (`2026-02-03 10:00`, UTC) as `who`, signed with SSH when `sign`.
    func commit(_ label: String, _ date: String, by who: String, sign: Bool = false) throws {
        let (name, email) = Self.people[who]!
        let stamp = date + ":00 +0000"
        let env = ["GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email,
                   "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp]
        try git(["add", "-A"])
        let signing = sign && signed ? ["-c", "gpg.format=ssh", "-c", "user.signingkey=\(home.path)/.ssh/id_ed25519", "commit", "-S"] : ["commit"]
        try git(signing + ["-q", "-m", label], environment: env)
        commits[label] = try git(["rev-parse", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An SSH key for farah in the temporary HOME, and the repository told to trust it.
    private func makeSigningKey() throws {
        guard let keygen = ["/usr/bin/ssh-keygen", "/bin/ssh-keygen"].first(where: FileManager.default.isExecutableFile) else { return }
        let ssh = home.appendingPathComponent(".ssh")
        try FileManager.default.createDirectory(at: ssh, withIntermediateDirectories: true)
        let made = try CLI.run(keygen, ["-q", "-t", "ed25519", "-N", "", "-C", "farah", "-f", ssh.appendingPathComponent("id_ed25519").path], in: home)
        guard made.status == 0 else { return }
        let key = try String(contentsOf: ssh.appendingPathComponent("id_ed25519.pub"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let allowed = home.appendingPathComponent("allowed_signers")
        try Data("farah.haddad@acme.example namespaces=\"git\" \(key)\n".utf8).write(to: allowed)
        try git(["config", "gpg.ssh.allowedSignersFile", allowed.path])
        signed = true
    }

    // MARK: Documents

    static func postmortem(_ id: String, title: String, status: String, severity: String, authors: [String], detected: String, declared: String,
                           breach: Bool = false, notified: String? = nil, extra: [String] = [], lessons: String = "Alerts beat logs.") -> String {
        var lines = ["---", "id: \(id)", "kind: postmortem", "title: \(title)", "status: \(status)", "severity: \(severity)",
                     "authors: [\(authors.joined(separator: ", "))]", "incident:", "  detected_at: \(detected)", "  declared_at: \(declared)",
                     "customer_impact: \(breach)", "data_breach: \(breach)"]
        if let notified { lines.append("customers_notified_at: \(notified)") }
        lines += extra
        lines += ["---", "## Summary", "What happened.", "", "## Timeline", "- \(detected) Detected", "- \(declared) Declared", "",
                  "## Root cause", "A cause.", "", "## Response", "A response.", "", "## Lessons", "- \(lessons)", ""]
        return lines.joined(separator: "\n")
    }

    static func finding(_ id: String, pm: String, category: String, owner: String, status: String, extra: [String] = ["bugs: [JIRA:SEC-1]"]) -> String {
        (["---", "id: \(id)", "kind: finding", "postmortem: \(pm)", "title: Finding \(id)", "category: \(category)", "owner: \(owner)",
          "status: \(status)"] + extra + ["---", "What was found.", ""]).joined(separator: "\n")
    }

    static func item(_ id: String, finding: String, owner: String, due: String, status: String = "open", extra: [String] = []) -> String {
        (["---", "id: \(id)", "kind: remediation", "finding: \(finding)", "title: Item \(id)", "owner: \(owner)", "due: \(due)",
          "status: \(status)"] + extra + ["---", "What to do.", ""]).joined(separator: "\n")
    }

    static let pm1 = "postmortems/PM-2026-001-checkout/postmortem.md"
    static let f1 = "postmortems/PM-2026-001-checkout/findings/F-2026-001-01-alerting.md"
    static let r11 = "postmortems/PM-2026-001-checkout/remediations/R-2026-001-01-alert.md"
    static let r12 = "postmortems/PM-2026-001-checkout/remediations/R-2026-001-02-runbook.md"
    static let pm2 = "postmortems/PM-2026-002-export/postmortem.md"
    static let pm3 = "postmortems/PM-2026-003-tokens/postmortem.md"
    static let pm4 = "postmortems/PM-2026-004-latency/postmortem.md"

    private func plant() throws {
        try makeSigningKey()
        try write(".aftermath.yml", """
        roots: [postmortems]
        owners: owners.yml
        trackers:
          - name: jira
            pattern: '^JIRA:(?<key>[A-Z][A-Z0-9]+-[0-9]+)$'
            url: 'https://jira.acme.example/browse/{key}'
        policies:
          notification_hours: 72

        """)
        let owners = Self.people.keys.sorted().map { handle in
            "  - handle: \(handle)\n    name: \(Self.people[handle]!.0)\n    email: \(Self.people[handle]!.1)"
        }
        try write("owners.yml", "people:\n" + owners.joined(separator: "\n") + "\n")
        try write("postmortems/PM-2025-009-old/postmortem.md", Self.postmortem("PM-2025-009", title: "Last year's outage", status: "draft", severity: "sev3",
                                                                                authors: ["alice"], detected: "2025-12-20T08:00:00Z", declared: "2025-12-20T09:00:00Z"))
        try commit("init", "2025-12-20 10:00", by: "alice")

        // PM-2026-001: on time, a slip and a late item, closed, then edited while closed.
        try write(Self.pm1, Self.postmortem("PM-2026-001", title: "Checkout database disk full", status: "draft", severity: "sev2", authors: ["alice"],
                                            detected: "2026-02-03T09:00:00Z", declared: "2026-02-03T09:30:00Z"))
        try write(Self.f1, Self.finding("F-2026-001-01", pm: "PM-2026-001", category: "technical-lapse", owner: "bob", status: "open"))
        try write(Self.r11, Self.item("R-2026-001-01", finding: "F-2026-001-01", owner: "bob", due: "2026-02-20"))
        try write(Self.r12, Self.item("R-2026-001-02", finding: "F-2026-001-01", owner: "bob", due: "2026-02-25"))
        try commit("pm1 draft", "2026-02-03 12:00", by: "alice")
        try edit(Self.pm1, "status: draft", "status: published\napproved_by: farah")
        try commit("pm1 approved", "2026-02-10 15:00", by: "farah")
        try edit(Self.r11, "status: open", "status: done\nresolved_at: 2026-02-18\nresolution: Alert added.")
        try commit("r11 done", "2026-02-18 11:00", by: "bob")
        try edit(Self.r12, "due: 2026-02-25", "due: 2026-03-04")
        try commit("r12 slip", "2026-02-24 09:00", by: "bob")
        try edit(Self.r12, "status: open", "status: done\nresolved_at: 2026-03-10\nresolution: Runbook rewritten.")
        try edit(Self.f1, "status: open", "status: resolved")
        try commit("r12 done", "2026-03-10 16:00", by: "bob")
        try edit(Self.pm1, "status: published", "status: closed\nclosed_at: 2026-03-20\nclosed_by: farah")
        try commit("pm1 closed", "2026-03-20 10:00", by: "farah")
        try edit(Self.pm1, "- Alerts beat logs.", "- Alerts beat logs.\n- Added after closing.")
        try commit("pm1 edited after closing", "2026-04-02 14:00", by: "alice")

        // PM-2026-002: a breach notified at 71 h, approval committed by its author, an item overdue.
        try write(Self.pm2, Self.postmortem("PM-2026-002", title: "Export bucket exposed", status: "draft", severity: "sev1", authors: ["bob"],
                                            detected: "2026-05-04T07:00:00Z", declared: "2026-05-04T08:00:00Z", breach: true))
        try write("postmortems/PM-2026-002-export/findings/F-2026-002-01-console.md",
                  Self.finding("F-2026-002-01", pm: "PM-2026-002", category: "manual-error", owner: "carol", status: "open"))
        try write("postmortems/PM-2026-002-export/remediations/R-2026-002-01-lock.md",
                  Self.item("R-2026-002-01", finding: "F-2026-002-01", owner: "carol", due: "2026-05-18"))
        try commit("pm2 draft", "2026-05-04 12:00", by: "bob")
        try edit(Self.pm2, "data_breach: true", """
        data_breach: true
        customers_notified_at: 2026-05-07T07:00:00Z
        notification:
          notices:
            - sent_at: 2026-05-07T07:00:00Z
              recipients: 340
              nature: Export files were readable without authentication.
              impact: Names and billing addresses of 340 customers.
              mitigation: [Public access blocked., Links now expire after an hour.]
              next_steps: We are reviewing the access logs.
              next_update_by: 2026-05-10
        """)
        try commit("pm2 notified", "2026-05-07 08:00", by: "bob")
        try edit(Self.pm2, "      next_update_by: 2026-05-10\n", """
              next_update_by: 2026-05-10
            - sent_at: 2026-05-09T12:00:00Z
              recipients: [enterprise-customers]
              nature: The access logs show two downloads.
              next_steps: We are contacting the two customers concerned.
              next_update_by: 2026-06-01

        """)
        try commit("pm2 follow-up", "2026-05-09 13:00", by: "bob")
        try edit(Self.pm2, "status: draft", "status: published\napproved_by: alice")
        try commit("pm2 approved by its author's commit", "2026-05-20 17:00", by: "bob")

        // PM-2026-003: a breach notified at 73 h, a signed approval, accepted risk, reopened.
        try write(Self.pm3, Self.postmortem("PM-2026-003", title: "Session tokens in logs", status: "draft", severity: "sev1", authors: ["carol"],
                                            detected: "2026-07-06T08:00:00Z", declared: "2026-07-06T09:00:00Z", breach: true))
        try write("postmortems/PM-2026-003-tokens/findings/F-2026-003-01-logging.md",
                  Self.finding("F-2026-003-01", pm: "PM-2026-003", category: "process-flaw", owner: "erin", status: "accepted-risk",
                               extra: ["justification: The log pipeline is replaced next quarter.", "approved_by: alice"]))
        try commit("pm3 draft", "2026-07-06 12:00", by: "carol")
        try edit(Self.pm3, "data_breach: true", """
        data_breach: true
        customers_notified_at: 2026-07-09T10:00:00Z
        notification:
          notices:
            - sent_at: 2026-07-09T10:00:00Z
              recipients: [all-customers]
              nature: Session tokens were written to an application log.
              impact: Sessions active on 6 July could have been taken over.
              next_steps: We are rotating every session.
              next_update_by: 2026-07-12
        """)
        try commit("pm3 notified", "2026-07-09 11:00", by: "carol")
        try edit(Self.pm3, "      next_update_by: 2026-07-12\n", """
              next_update_by: 2026-07-12
            - sent_at: 2026-07-14T09:00:00Z
              recipients: [all-customers]
              nature: Every session was rotated.

        """)
        try commit("pm3 follow-up", "2026-07-14 10:00", by: "carol")
        try edit(Self.pm3, "status: draft", "status: published\napproved_by: farah")
        try commit("pm3 approved", "2026-07-20 10:00", by: "farah", sign: true)
        try edit(Self.pm3, "status: published", "status: closed\nclosed_at: 2026-08-10\nclosed_by: farah")
        try commit("pm3 closed", "2026-08-10 10:00", by: "farah")
        try edit(Self.pm3, "status: closed\nclosed_at: 2026-08-10\nclosed_by: farah", "status: published\nreopened_reason: Tokens found in a second log stream.")
        try commit("pm3 reopened", "2026-09-01 09:00", by: "carol")
        try edit(Self.pm3, "status: published\nreopened_reason: Tokens found in a second log stream.",
                 "status: closed\nreopened_reason: Tokens found in a second log stream.\nclosed_at: 2026-09-20\nclosed_by: farah")
        try commit("pm3 closed again", "2026-09-20 10:00", by: "farah")

        // PM-2026-004: published without approval.
        try write(Self.pm4, Self.postmortem("PM-2026-004", title: "API latency", status: "published", severity: "sev3", authors: ["erin"],
                                            detected: "2026-10-12T10:00:00Z", declared: "2026-10-12T10:30:00Z"))
        try commit("pm4 published unapproved", "2026-10-12 15:00", by: "erin")
        try write("NOTES.md", "Quarterly notes.\n")
        try commit("notes", "2026-11-30 09:00", by: "alice")
    }
}
