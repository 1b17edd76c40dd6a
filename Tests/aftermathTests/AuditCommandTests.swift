import Foundation
import XCTest
import AftermathCore

/// `aftermath audit` on a year of real commits (Support/AuditYear.swift says what is planted):
/// every number and exception of the pack against what was planted, `verify`, determinism,
/// sampling, bad input, and the page in a real browser.
final class AuditCommandTests: XCTestCase {
    static let year = ["--from", "2026-01-01", "--to", "2026-12-31"]

    func make(_ year: AuditYear, _ output: String, _ extra: [String] = []) throws -> CommandResult {
        try CLI.aftermath(["audit"] + Self.year + ["--output", output] + extra, in: year.repo, environment: year.environment)
    }

    func json(_ url: URL) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    func testEveryNumberAndExceptionIsWhatWasPlanted() throws {
        let year = try AuditYear()
        let pack = year.dir.path("pack")
        let made = try make(year, pack.path)
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: pack.path)),
                       ["index.html", "evidence.md", "evidence.json", "controls.csv", "controls.md", "manifest.json"])
        let evidence = try json(pack.appendingPathComponent("evidence.json"))
        let c = year.commits

        XCTAssertEqual((evidence["commit"] as? [String: Any])?["id"] as? String, c["notes"])
        XCTAssertEqual(evidence["as_of"] as? String, "2026-11-30")
        let validation = try CLI.aftermath(["validate", "--rev", "HEAD", "--format", "json"], in: year.repo)
        let errors = try jsonDiagnostics(validation).filter { $0["severity"] as? String == "error" }
        XCTAssertFalse(errors.isEmpty, "PM-2026-004 does not validate")
        XCTAssertEqual(evidence["summary"] as? [String: Int], [
            "incidents": 4, "breaches": 2, "notifications_on_time": 1, "postmortems_approved": 3,
            "items_done": 2, "items_done_on_time": 1, "items_overdue": 1, "exceptions": 10 + errors.count,
        ])

        let incidents = try XCTUnwrap(evidence["incidents"] as? [[String: Any]])
        XCTAssertEqual(incidents.compactMap { $0["id"] as? String }, ["PM-2026-001", "PM-2026-002", "PM-2026-003", "PM-2026-004"], "PM-2025-009 is outside the year")
        let byID = Dictionary(uniqueKeysWithValues: incidents.map { ($0["id"] as! String, $0) })

        // PM-2026-001: facts with their commits, approval by the approver, the items, the change after closing.
        let pm1 = try XCTUnwrap(byID["PM-2026-001"])
        let facts1 = try XCTUnwrap(pm1["facts"] as? [[String: Any]])
        XCTAssertEqual(facts1.compactMap { $0["name"] as? String }, ["detected", "declared", "contained", "recovered"])
        XCTAssertEqual(facts1[1]["value"] as? String, "2026-02-03T09:30:00Z")
        XCTAssertEqual(facts1[1]["commit"] as? String, c["pm1 draft"])
        XCTAssertTrue(facts1[2]["value"] is NSNull && facts1[2]["commit"] is NSNull, "not recorded")
        XCTAssertEqual((pm1["published"] as? [String: Any])?["commit"] as? String, c["pm1 approved"])
        XCTAssertEqual((pm1["closed"] as? [String: Any])?["commit"] as? String, c["pm1 closed"])
        XCTAssertEqual((pm1["closed"] as? [String: Any])?["time"] as? String, "2026-03-20T10:00:00Z")
        XCTAssertEqual(pm1["closed_by"] as? String, "farah")
        let approval1 = try XCTUnwrap(pm1["approval"] as? [String: Any])
        XCTAssertEqual(approval1["approved_by"] as? String, "farah")
        XCTAssertEqual(approval1["commit"] as? String, c["pm1 approved"])
        XCTAssertEqual(approval1["committer_handle"] as? String, "farah")
        XCTAssertEqual(approval1["committed_by_author"] as? Bool, false)
        XCTAssertEqual(approval1["committed_by_approver"] as? Bool, true)
        let items1 = try XCTUnwrap(pm1["remediations"] as? [[String: Any]])
        XCTAssertEqual(items1.map { $0["outcome"] as? String }, ["on-time", "late"])
        XCTAssertEqual(items1[0]["done_at"] as? String, "2026-02-18")
        XCTAssertEqual(items1[0]["done_commit"] as? String, c["r11 done"])
        XCTAssertEqual(items1[1]["due"] as? String, "2026-03-04")
        XCTAssertEqual(items1[1]["done_at"] as? String, "2026-03-10")
        XCTAssertEqual(items1[1]["days_late"] as? Int, 6)
        let slips = try XCTUnwrap(items1[1]["due_slips"] as? [[String: Any]])
        XCTAssertEqual(slips.count, 1)
        XCTAssertEqual(slips.first?["from"] as? String, "2026-02-25")
        XCTAssertEqual(slips.first?["to"] as? String, "2026-03-04")
        XCTAssertEqual(slips.first?["days"] as? Int, 7)
        XCTAssertEqual(slips.first?["commit"] as? String, c["r12 slip"])
        let changes1 = try XCTUnwrap(pm1["changes_after_closing"] as? [[String: Any]])
        XCTAssertEqual(changes1.compactMap { $0["commit"] as? String }, [c["pm1 edited after closing"]!])
        XCTAssertEqual((pm1["findings"] as? [[String: Any]])?.first?["category"] as? String, "technical-lapse")

        // PM-2026-002: notified at 71 h (on time) with every part, the promised update on time, the
        // next one never sent; approval committed by its author; one overdue item.
        let pm2 = try XCTUnwrap(byID["PM-2026-002"])
        let notices2 = try XCTUnwrap(pm2["notices"] as? [[String: Any]])
        XCTAssertEqual(notices2.count, 2)
        let notice2 = notices2[0]
        XCTAssertEqual(notice2["number"] as? Int, 1)
        XCTAssertEqual(notice2["source"] as? String, "notification")
        XCTAssertEqual(notice2["hours_after_declared"] as? Double, 71)
        XCTAssertEqual(notice2["on_time"] as? Bool, true)
        XCTAssertEqual(notice2["deadline"] as? String, "2026-05-07T08:00:00Z")
        XCTAssertEqual(notice2["commit"] as? String, c["pm2 notified"])
        XCTAssertEqual(notice2["recipients"] as? String, "340")
        XCTAssertEqual(notice2["parts"] as? [String], ["recipients", "nature", "impact", "mitigation", "next_steps", "next_update_by"])
        XCTAssertEqual(notices2[1]["sent_at"] as? String, "2026-05-09T12:00:00Z")
        XCTAssertEqual(notices2[1]["deadline"] as? String, "2026-05-10", "the update notice 1 promised")
        XCTAssertEqual(notices2[1]["on_time"] as? Bool, true)
        XCTAssertEqual(notices2[1]["commit"] as? String, c["pm2 follow-up"])
        XCTAssertEqual(notices2[1]["recipients"] as? String, "enterprise-customers")
        XCTAssertEqual(notices2[1]["parts"] as? [String], ["recipients", "nature", "next_steps", "next_update_by"])
        let approval2 = try XCTUnwrap(pm2["approval"] as? [String: Any])
        XCTAssertEqual(approval2["committer_handle"] as? String, "bob")
        XCTAssertEqual(approval2["committed_by_author"] as? Bool, true)
        XCTAssertEqual(approval2["committed_by_approver"] as? Bool, false)
        let item2 = try XCTUnwrap((pm2["remediations"] as? [[String: Any]])?.first)
        XCTAssertEqual(item2["outcome"] as? String, "overdue")
        XCTAssertEqual(item2["days_late"] as? Int, 196, "due 2026-05-18, judged on 2026-11-30")

        // PM-2026-003: notified at 73 h (late), reopened with its reason, closed again.
        let pm3 = try XCTUnwrap(byID["PM-2026-003"])
        let notices3 = try XCTUnwrap(pm3["notices"] as? [[String: Any]])
        let notice3 = notices3[0]
        XCTAssertEqual(notice3["hours_after_declared"] as? Double, 73)
        XCTAssertEqual(notice3["on_time"] as? Bool, false)
        XCTAssertEqual(notice3["parts"] as? [String], ["recipients", "nature", "impact", "next_steps", "next_update_by"], "no mitigation")
        XCTAssertEqual(notices3[1]["deadline"] as? String, "2026-07-12")
        XCTAssertEqual(notices3[1]["on_time"] as? Bool, false)
        XCTAssertEqual(notices3[1]["hours_after_declared"] as? Double, 192)
        XCTAssertEqual((pm3["published"] as? [String: Any])?["commit"] as? String, c["pm3 approved"])
        XCTAssertEqual((pm3["closed"] as? [String: Any])?["commit"] as? String, c["pm3 closed again"], "the last closing")
        let reopenings = try XCTUnwrap(pm3["reopenings"] as? [[String: Any]])
        XCTAssertEqual(reopenings.count, 1)
        XCTAssertEqual(reopenings.first?["commit"] as? String, c["pm3 reopened"])
        XCTAssertEqual(reopenings.first?["reason"] as? String, "Tokens found in a second log stream.")
        XCTAssertEqual((pm3["changes_after_closing"] as? [Any])?.count, 0, "a reopening is not a change after closing")

        // Every exception, as planted.
        let exceptions = try XCTUnwrap(evidence["exceptions"] as? [[String: Any]])
        let planted = exceptions.filter { $0["kind"] as? String != "validation-error" }.map { "\($0["incident"] as? String ?? "-") \($0["kind"] as! String) \($0["document"] as? String ?? "-")" }
        XCTAssertEqual(planted, [
            "PM-2026-001 late-item R-2026-001-02",
            "PM-2026-001 changed-after-closing -",
            "PM-2026-002 late-follow-up -",
            "PM-2026-002 self-approval -",
            "PM-2026-002 overdue-item R-2026-002-01",
            "PM-2026-003 late-notification -",
            "PM-2026-003 incomplete-notice -",
            "PM-2026-003 late-follow-up -",
            "PM-2026-003 closed-with-accepted-risk F-2026-003-01",
            "PM-2026-004 missing-approval -",
        ])
        let validationExceptions = exceptions.filter { $0["kind"] as? String == "validation-error" }
        XCTAssertEqual(validationExceptions.count, errors.count)
        for error in errors {
            XCTAssertTrue(validationExceptions.contains { ($0["message"] as? String)?.contains(error["message"] as! String) == true }, "\(error)")
        }
        XCTAssertTrue(validationExceptions.allSatisfy { $0["incident"] as? String == "PM-2026-004" })
        XCTAssertEqual(exceptions.first { $0["kind"] as? String == "changed-after-closing" }?["commit"] as? String, c["pm1 edited after closing"])
        let followUps = exceptions.filter { $0["kind"] as? String == "late-follow-up" }.compactMap { $0["message"] as? String }
        XCTAssertEqual(followUps, ["PM-2026-002: notice 2 promised customers an update by 2026-06-01, and none had been sent on 2026-11-30",
                                   "PM-2026-003: notice 2 was sent at 2026-07-14T09:00:00Z, after the update notice 1 promised by 2026-07-12"])
        XCTAssertEqual(exceptions.first { $0["kind"] as? String == "incomplete-notice" }?["message"] as? String,
                       "PM-2026-003: the first notice does not say mitigation")

        // The commits cited: the signed approval and an unsigned one; the manifest says whether it verifies here.
        let cited = try XCTUnwrap(evidence["commits"] as? [[String: Any]])
        let signature = { (label: String) in cited.first { $0["id"] as? String == c[label] }.map { $0["signature"] as? String } }
        XCTAssertEqual(signature("pm3 closed again"), .some(nil), "unsigned")
        let manifest = try json(pack.appendingPathComponent("manifest.json"))
        let signatures = try XCTUnwrap(manifest["signatures"] as? [[String: Any]])
        if year.signed {
            XCTAssertEqual(signature("pm3 approved"), .some("ssh"))
            let entry = try XCTUnwrap(signatures.first { $0["commit"] as? String == c["pm3 approved"] })
            XCTAssertEqual(entry["signed"] as? String, "ssh")
            XCTAssertEqual(entry["verified"] as? Bool, true, "\(entry)")
        } else {
            print("ssh-keygen is not installed: the signed-commit assertions are skipped")
        }
        XCTAssertTrue(signatures.contains { $0["commit"] as? String == c["pm3 closed again"] && $0["signed"] is NSNull && $0["verified"] is NSNull })

        // The manifest: every other file with its SHA-256, the commit, the tool and the command line.
        XCTAssertEqual(manifest["commit"] as? String, c["notes"])
        XCTAssertEqual(manifest["branch"] as? String, "refs/heads/main")
        XCTAssertEqual((manifest["tool"] as? [String: Any])?["version"] as? String, try CLI.aftermath(["--version"], in: year.repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertEqual(manifest["command_line"] as? [String], ["aftermath", "audit"] + Self.year + ["--output", pack.path])
        let files = try XCTUnwrap(manifest["files"] as? [[String: Any]])
        XCTAssertEqual(files.compactMap { $0["path"] as? String }, ["controls.csv", "controls.md", "evidence.json", "evidence.md", "index.html"])
        for file in files {
            let sum = try CLI.run("/usr/bin/env", ["sha256sum", pack.appendingPathComponent(file["path"] as! String).path], in: year.repo)
            XCTAssertEqual(String(sum.stdout.prefix(64)), file["sha256"] as? String)
        }

        // Both JSON files follow their documented schemas.
        for (file, schema) in [("evidence.json", "evidence.schema.json"), ("manifest.json", "manifest.schema.json")] {
            let schemaNode = try JSONReader.read(Array(try Data(contentsOf: CLI.packageRoot.appendingPathComponent("schema/audit/\(schema)")))).get()
            let instance = try JSONReader.read(Array(try Data(contentsOf: pack.appendingPathComponent(file)))).get()
            XCTAssertEqual(try CompiledSchema.compile(schemaNode).validate(instance).map { "\($0)" }, [], file)
        }

        // The people's files say the same.
        let markdown = try String(contentsOf: pack.appendingPathComponent("evidence.md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("| Breach notifications on time | 1 of 2 |"), markdown)
        XCTAssertTrue(markdown.contains("| Remediation items done on time | 1 of 2 done |"))
        XCTAssertTrue(markdown.contains("| Remediation items overdue on 2026-11-30 | 1 |"))
        XCTAssertTrue(markdown.contains("## PM-2026-003 — Session tokens in logs"))
        XCTAssertTrue(markdown.contains("2026-02-25 → 2026-03-04 (+7 d"))
        XCTAssertTrue(markdown.contains("| 2 | 2026-05-09T12:00:00Z | 2026-05-10 | 124 h | on time | enterprise-customers | recipients, nature, next\\_steps, next\\_update\\_by |"), markdown)
        let csv = try String(contentsOf: pack.appendingPathComponent("controls.csv"), encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("framework,control,title,incident,evidence,detail,commit,exceptions\r\n"))
        XCTAssertTrue(csv.contains("fedramp,IR-6,Incident Reporting,PM-2026-003,notification,"))
        XCTAssertTrue(csv.split(separator: "\r\n").contains { $0.hasPrefix("fedramp,IR-6,Incident Reporting,PM-2026-003,notification,") && $0.hasSuffix(",incomplete-notice late-follow-up late-notification") })
        let controls = try String(contentsOf: pack.appendingPathComponent("controls.md"), encoding: .utf8)
        XCTAssertTrue(controls.contains("### A.5.26 Response to information security incidents"))
        XCTAssertTrue(controls.contains("ISO/IEC 27001:2013: A.16.1.5 Response to information security incidents."))
        XCTAssertTrue(controls.contains("### CC7.4 "))
    }

    func testVerifyPassesOnAFreshPackAndFailsOnAnyChange() throws {
        let year = try AuditYear()
        let pack = year.dir.path("pack")
        XCTAssertEqual(try make(year, pack.path).status, 0)
        let fresh = try CLI.aftermath(["audit", "verify", pack.path], in: year.repo, environment: year.environment)
        XCTAssertEqual(fresh.status, 0, fresh.stdout + fresh.stderr)
        XCTAssertTrue(fresh.stdout.hasPrefix("verified: 5 files match commit \(year.commits["notes"]!)"), fresh.stdout)

        // One byte of one file.
        let evidence = pack.appendingPathComponent("evidence.json")
        var bytes = try Data(contentsOf: evidence)
        let at = bytes.firstIndex(of: UInt8(ascii: "4"))!
        bytes[at] = UInt8(ascii: "5")
        try bytes.write(to: evidence)
        let changed = try CLI.aftermath(["audit", "verify", pack.path], in: year.repo)
        XCTAssertEqual(changed.status, 1)
        XCTAssertTrue(changed.stdout.contains("differs: evidence.json\n"), changed.stdout)
        XCTAssertTrue(changed.stdout.contains("manifest: the SHA-256 of evidence.json is not the file's"))
        XCTAssertTrue(changed.stdout.hasSuffix("not verified: the pack does not match commit \(year.commits["notes"]!)\n"))

        // A file added and one missing.
        XCTAssertEqual(try make(year, pack.path, ["--force"]).status, 0)
        try Data("extra".utf8).write(to: pack.appendingPathComponent("extra.txt"))
        try FileManager.default.removeItem(at: pack.appendingPathComponent("controls.csv"))
        let edited = try CLI.aftermath(["audit", "verify", pack.path], in: year.repo)
        XCTAssertEqual(edited.status, 1)
        XCTAssertTrue(edited.stdout.contains("missing: controls.csv\n"), edited.stdout)
        XCTAssertTrue(edited.stdout.contains("added: extra.txt\n"))

        // The evidence commit rewritten away: the files still match, the history does not.
        XCTAssertEqual(try make(year, pack.path, ["--force"]).status, 0)
        try year.write("NOTES.md", "Rewritten notes.\n")
        try year.git(["commit", "-q", "-a", "--amend", "-m", "rewritten"])
        let rewritten = try CLI.aftermath(["audit", "verify", pack.path], in: year.repo)
        XCTAssertEqual(rewritten.status, 1, rewritten.stdout)
        XCTAssertTrue(rewritten.stdout.hasPrefix("commit \(year.commits["notes"]!) is not reachable from refs/heads/main: the history was rewritten"), rewritten.stdout)
        XCTAssertFalse(rewritten.stdout.contains("differs:"))
    }

    func testTwoRunsGiveIdenticalFiles() throws {
        let year = try AuditYear()
        let a = year.dir.path("a"), b = year.dir.path("b")
        XCTAssertEqual(try make(year, a.path).status, 0)
        // From another folder, in another time zone and language.
        XCTAssertEqual(try CLI.aftermath(["-C", year.repo.path, "audit"] + Self.year + ["--output", b.path], in: year.dir.url,
                                         environment: ["TZ": "Pacific/Chatham", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"]).status, 0)
        for name in ["index.html", "evidence.md", "evidence.json", "controls.csv", "controls.md"] {
            XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent(name)), try Data(contentsOf: b.appendingPathComponent(name)), name)
        }
        XCTAssertEqual((try json(a.appendingPathComponent("manifest.json")))["files"] as? [[String: AnyHashable]],
                       (try json(b.appendingPathComponent("manifest.json")))["files"] as? [[String: AnyHashable]])
    }

    /// `--rev` makes the pack from an earlier commit, as it stood then; `--framework` maps one framework.
    func testAnEarlierCommitAndOneFramework() throws {
        let year = try AuditYear()
        let pack = year.dir.path("pack")
        let made = try make(year, pack.path, ["--rev", year.commits["pm3 closed"]!, "--framework", "soc2"])
        XCTAssertEqual(made.status, 0, made.stderr)
        let evidence = try json(pack.appendingPathComponent("evidence.json"))
        XCTAssertEqual(evidence["as_of"] as? String, "2026-08-10")
        XCTAssertEqual(evidence["frameworks"] as? [String], ["soc2"])
        XCTAssertEqual((evidence["controls"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, ["CC7.3", "CC7.4", "CC7.5"])
        let incidents = try XCTUnwrap(evidence["incidents"] as? [[String: Any]])
        XCTAssertEqual(incidents.compactMap { $0["id"] as? String }, ["PM-2026-001", "PM-2026-002", "PM-2026-003"])
        XCTAssertEqual((incidents[2]["closed"] as? [String: Any])?["commit"] as? String, year.commits["pm3 closed"])
        XCTAssertEqual((incidents[2]["reopenings"] as? [Any])?.count, 0)
        XCTAssertEqual((incidents[1]["remediations"] as? [[String: Any]])?.first?["days_late"] as? Int, 84, "overdue as of that commit's date")
        XCTAssertEqual((try json(pack.appendingPathComponent("manifest.json")))["commit"] as? String, year.commits["pm3 closed"])
        let verified = try CLI.aftermath(["audit", "verify", pack.path], in: year.repo)
        XCTAssertEqual(verified.status, 0, verified.stdout)
        XCTAssertFalse(try String(contentsOf: pack.appendingPathComponent("controls.md"), encoding: .utf8).contains("A.5.24"))
    }

    func testASampleIsReproducibleAndSaysHowItWasPicked() throws {
        let year = try AuditYear()
        let a = year.dir.path("a"), b = year.dir.path("b")
        XCTAssertEqual(try make(year, a.path, ["--sample", "2", "--seed", "q3-audit"]).status, 0)
        XCTAssertEqual(try make(year, b.path, ["--sample", "2", "--seed", "q3-audit"]).status, 0)
        let picked = ((try json(a.appendingPathComponent("evidence.json")))["incidents"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        // The rule the pack states, worked out independently: the first 2 by SHA-256 of "SEED:ID".
        let ranked = try ["PM-2026-001", "PM-2026-002", "PM-2026-003", "PM-2026-004"].map { id in
            (String(try CLI.run("/usr/bin/env", ["sh", "-c", "printf %s \"$0\" | sha256sum", "q3-audit:\(id)"], in: year.repo).stdout.prefix(64)), id)
        }.sorted { $0 < $1 }
        XCTAssertEqual(picked, ranked.prefix(2).map(\.1).sorted())
        XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent("evidence.json")), try Data(contentsOf: b.appendingPathComponent("evidence.json")))
        let markdown = try String(contentsOf: a.appendingPathComponent("evidence.md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("Incidents: a sample of 2 of the 4 incidents declared in the period, picked with seed \"q3-audit\": the postmortem IDs sorted by the SHA-256 of SEED:ID"), markdown)
        let verified = try CLI.aftermath(["audit", "verify", a.path], in: year.repo)
        XCTAssertEqual(verified.status, 0, verified.stdout)
        XCTAssertEqual(try make(year, year.dir.path("c").path, ["--sample", "2"]).status, 64, "a sample needs its seed")
    }

    func testBadInput() throws {
        let year = try AuditYear()
        let out = year.dir.path("out")
        for dates in [["--from", "2026-13-01", "--to", "2026-12-31"], ["--from", "2026-01-01", "--to", "yesterday"], ["--from", "2026-06-01", "--to", "2026-05-31"]] {
            let result = try CLI.aftermath(["audit"] + dates + ["--output", out.path], in: year.repo)
            XCTAssertEqual(result.status, 64, "\(dates): \(result.stderr)")
        }
        XCTAssertTrue(try CLI.aftermath(["audit", "--from", "2026-06-01", "--to", "2026-05-31", "--output", out.path], in: year.repo).stderr.contains("the period runs backwards"))
        XCTAssertEqual(try make(year, out.path, ["--framework", "pci"]).status, 64)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))

        // A period with no incidents: a valid pack that says so.
        let empty = try CLI.aftermath(["audit", "--from", "2030-01-01", "--to", "2030-12-31", "--output", out.path], in: year.repo)
        XCTAssertEqual(empty.status, 0, empty.stderr)
        XCTAssertTrue(try String(contentsOf: out.appendingPathComponent("evidence.md"), encoding: .utf8).contains("No incident was declared in the period."))
        XCTAssertEqual(try CLI.aftermath(["audit", "verify", out.path], in: year.repo).status, 0)

        // An output folder that is not empty: refused unless --force.
        let refused = try make(year, out.path)
        XCTAssertEqual(refused.status, 64)
        XCTAssertTrue(refused.stderr.contains("exists and is not empty; give --force"), refused.stderr)
        XCTAssertTrue(try String(contentsOf: out.appendingPathComponent("evidence.md"), encoding: .utf8).contains("No incident"), "untouched")
        XCTAssertEqual(try make(year, out.path, ["--force"]).status, 0)
        XCTAssertTrue(try String(contentsOf: out.appendingPathComponent("evidence.md"), encoding: .utf8).contains("PM-2026-004"))
        let emptyFolder = year.dir.path("empty")
        try FileManager.default.createDirectory(at: emptyFolder, withIntermediateDirectories: true)
        XCTAssertEqual(try make(year, emptyFolder.path).status, 0, "an empty folder is used")
        let underRoot = try make(year, year.repo.appendingPathComponent("postmortems/audit").path)
        XCTAssertEqual(underRoot.status, 64)
        XCTAssertTrue(underRoot.stderr.contains("is under the document root postmortems/"), underRoot.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: year.repo.appendingPathComponent("postmortems/audit").path), "nothing was written there")

        // Uncommitted changes to documents: refused unless --allow-dirty, which the pack records.
        try year.edit(AuditYear.pm4, "API latency", "API latency spike")
        let dirty = try make(year, year.dir.path("dirty").path)
        XCTAssertEqual(dirty.status, 64)
        XCTAssertTrue(dirty.stderr.contains("uncommitted changes (\(AuditYear.pm4))"), dirty.stderr)
        XCTAssertTrue(dirty.stderr.contains("--allow-dirty"))
        XCTAssertEqual(try make(year, year.dir.path("dirty").path, ["--allow-dirty"]).status, 0)
        let dirtyPack = try String(contentsOf: year.dir.path("dirty/evidence.md"), encoding: .utf8)
        XCTAssertTrue(dirtyPack.contains("Made with --allow-dirty: 1 document had uncommitted changes, which this pack does not show: \(AuditYear.pm4)."))
        XCTAssertTrue(dirtyPack.contains("## PM-2026-004 — API latency\n"), "the commit's title, not the working tree's")
        XCTAssertEqual(try CLI.aftermath(["audit", "verify", year.dir.path("dirty").path], in: year.repo).status, 0)
        XCTAssertEqual(try CLI.aftermath(["audit", "verify", year.dir.path("nothing").path], in: year.repo).status, 4)
    }

    /// Document text reaches the pack's files as text: escaped in HTML and Markdown, control
    /// characters written out.
    func testHostileTextIsEscaped() throws {
        let year = try AuditYear()
        try year.edit(AuditYear.pm4, "title: API latency", "title: \"<script>alert(1)</script> \\e[31m=cmd|' /C calc'!A0\"")
        try year.commit("hostile title", "2026-11-30 10:00", by: "erin")
        let pack = year.dir.path("pack")
        let made = try make(year, pack.path)
        XCTAssertEqual(made.status, 0, made.stderr)
        let html = try String(contentsOf: pack.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; \\u{1b}[31m"), html)
        let markdown = try String(contentsOf: pack.appendingPathComponent("evidence.md"), encoding: .utf8)
        XCTAssertFalse(markdown.contains("<script>"))
        XCTAssertFalse(markdown.contains("\u{1b}"), "no raw escape character")
        XCTAssertFalse(try String(contentsOf: pack.appendingPathComponent("evidence.json"), encoding: .utf8).contains("\u{1b}"))
    }

    /// A shallow clone lacks the history the evidence needs: exit 4 naming it, nothing written.
    func testShallowCloneMissingHistory() throws {
        let year = try AuditYear()
        let clone = year.dir.path("clone")
        let cloned = try CLI.git(["clone", "-q", "--depth", "3", "file://\(year.repo.path)", clone.path], in: year.dir.url)
        XCTAssertEqual(cloned.status, 0, cloned.stderr)
        let parent = year.dir.path("packs")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let result = try CLI.aftermath(["audit"] + Self.year + ["--output", parent.appendingPathComponent("pack").path], in: clone)
        XCTAssertEqual(result.status, 4, result.stderr)
        XCTAssertTrue(result.stderr.contains("the clone is shallow"), result.stderr)
        XCTAssertTrue(result.stderr.contains("PM-2026-001"), "names what is missing: \(result.stderr)")
        XCTAssertTrue(result.stderr.contains("git fetch --unshallow"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent.path), [], "nothing half-written")
        // A period whose documents all came after the boundary needs no more history.
        XCTAssertEqual(try CLI.aftermath(["audit", "--from", "2026-10-01", "--to", "2026-10-31", "--output", parent.appendingPathComponent("pack").path], in: clone).status, 0)
    }

    /// The pack's page in a real browser, as the dashboard is checked.
    func testIndexHTMLInARealBrowser() throws {
        guard let chromium = HeadlessChromium.path else { throw XCTSkip("chromium is not installed (scripts/test installs it)") }
        let year = try AuditYear()
        let pack = year.dir.path("pack")
        XCTAssertEqual(try make(year, pack.path).status, 0)
        let html = pack.appendingPathComponent("index.html")
        let page = try String(contentsOf: html, encoding: .utf8)
        XCTAssertFalse(page.contains("<script"))
        XCTAssertTrue(page.contains("default-src 'none'"))
        XCTAssertTrue(page.contains("@page{margin:14mm 12mm}"), "prints on A4 and Letter alike")
        let dir = try TemporaryDirectory()
        let flags = HeadlessChromium.flags(profile: dir)
        let dom = try CLI.run(chromium, flags + ["--dump-dom", html.absoluteString], in: dir.url)
        XCTAssertEqual(dom.status, 0, dom.stderr)
        XCTAssertTrue(dom.stdout.contains("<h1>Audit evidence — 2026-01-01 to 2026-12-31</h1>"))
        XCTAssertEqual(dom.stdout.components(separatedBy: "<table>").count - 1, dom.stdout.components(separatedBy: "</table>").count - 1)
        XCTAssertTrue(dom.stdout.contains("<td class=\"flag\"><strong>late-notification</strong></td>"), "the exceptions are in the DOM")
        let png = dir.path("audit.png")
        let shot = try CLI.run(chromium, flags + ["--screenshot=\(png.path)", "--window-size=1000,2400", "--hide-scrollbars", html.absoluteString], in: dir.url)
        XCTAssertEqual(shot.status, 0, shot.stderr)
        try HeadlessChromium.assertRendered(png, in: dir)
        let pdf = dir.path("audit.pdf")
        let printed = try CLI.run(chromium, flags + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", html.absoluteString], in: dir.url)
        XCTAssertEqual(printed.status, 0, printed.stderr)
        XCTAssertTrue(try Data(contentsOf: pdf).starts(with: Data("%PDF".utf8)), "it prints")
    }
}
