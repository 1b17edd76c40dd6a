import XCTest

/// `show` prints what a reviewer checks: who approved or closed a document, when and why.
final class ShowDecisionTests: XCTestCase {
    func testDecisionsAreShownAndAuthorsNamedSo() throws {
        let repo = try TemporaryDirectory.examples()
        let postmortem = try CLI.aftermath(["show", "PM-2026-001"], in: repo.url)
        XCTAssertEqual(postmortem.status, 0, postmortem.stderr)
        let lines = postmortem.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasSuffix("[closed]  authors: dmitri,bob"), lines[0])
        for expected in ["  approved_by: carol", "  closed_at: 2026-03-11", "  closed_by: carol"] {
            XCTAssertTrue(lines.contains(expected), "\(expected) in \(postmortem.stdout)")
        }
        let risk = try CLI.aftermath(["show", "F-2026-001-03"], in: repo.url).stdout
        XCTAssertTrue(risk.contains("\n    approved_by: carol\n"), risk)
        XCTAssertTrue(risk.contains("\n    justification: The status page moves to the vendor"), risk)
        let done = try CLI.aftermath(["show", "R-2026-001-01"], in: repo.url).stdout
        XCTAssertTrue(done.contains("resolved_at: "), done)
        XCTAssertTrue(done.contains("resolution: "), done)
    }
}
