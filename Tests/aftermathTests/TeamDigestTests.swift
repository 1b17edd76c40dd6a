import XCTest

/// A team's digest goes to its lead, or to every member when it names none.
final class TeamDigestTests: XCTestCase {
    func testTeamDigestsAreAddressed() throws {
        let repo = try TemporaryDirectory.examples()
        let pm4 = "postmortems/PM-2026-004-password-reset-delay/remediations/"
        let items = try FileManager.default.contentsOfDirectory(atPath: repo.path(pm4).path).sorted()
        try repo.write(pm4 + items[0], try repo.read(pm4 + items[0]).replacingOccurrences(of: "owner: erin", with: "owner: security"))
        try repo.write(pm4 + items[1], try repo.read(pm4 + items[1]).replacingOccurrences(of: "owner: bob", with: "owner: sre"))
        // The security team names a lead; site reliability, here, none.
        try repo.write("owners.yml", try repo.read("owners.yml").replacingOccurrences(of: "    members: [bob, dmitri]\n    lead: bob\n", with: "    members: [bob, dmitri]\n"))
        let result = try CLI.aftermath(["digest", "--today", "2026-10-01"], in: repo.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("<!-- owner: security email: farah.haddad@acme.example -->"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Items owned by the team, sent to its lead, Farah Haddad."), result.stdout)
        XCTAssertTrue(result.stdout.contains("<!-- owner: sre email: bob.okafor@acme.example, dmitri.petrov@acme.example -->"), result.stdout)
        XCTAssertTrue(result.stdout.contains("sent to its members, Bob Okafor, Dmitri Petrov."), result.stdout)
    }
}
