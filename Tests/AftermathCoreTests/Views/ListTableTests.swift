import XCTest
@testable import AftermathCore

/// A table of thousands of rows is written on every core, a stretch of rows each: the lines
/// must come out one per row, in the listing's order, overdue ones (and only they) in red,
/// under each group's heading.
final class ListTableTests: XCTestCase {
    func testLargeTablesKeepEveryRowInOrder() throws {
        let ruleset = try RulesetLoader.load(from: InMemorySnapshot(files: RuleExamples.merged([:]))).get()
        func node(_ fields: [(String, String)]) -> Node {
            Node(.object(fields.map { Node.Entry(key: $0.0, keyLocation: .fileStart, value: Node(.string($0.1))) }))
        }
        var documents = [Document(path: "postmortems/PM-2026-001/postmortem.md", kind: .postmortem, id: "PM-2026-001",
                                  frontMatter: node([("id", "PM-2026-001"), ("severity", "sev2"), ("title", "Outage")]), body: MarkdownBody()),
                         Document(path: "postmortems/PM-2026-001/findings/F-2026-001-01.md", kind: .finding, id: "F-2026-001-01",
                                  frontMatter: node([("id", "F-2026-001-01"), ("postmortem", "PM-2026-001")]), body: MarkdownBody())]
        let count = 6_000
        for i in 0..<count {
            let id = String(format: "R-2026-001-%05d", i)
            // Every third item overdue (due in 2025), the rest due in 2027.
            let due = i % 3 == 0 ? "2025-01-01" : "2027-01-01"
            let owner = i % 2 == 0 ? "alice" : "bob"
            documents.append(Document(path: "postmortems/PM-2026-001/remediations/\(id).md", kind: .remediation, id: id,
                                      frontMatter: node([("id", id), ("finding", "F-2026-001-01"), ("status", "open"),
                                                         ("owner", owner), ("due", due), ("title", "Item \(i)")]), body: MarkdownBody()))
        }
        let index = RepositoryIndex(documents)
        let today = try XCTUnwrap(Timestamp.parseDate("2026-06-01"))
        for groupBy in [nil, ListQuery.GroupKey.owner] {
            let listing = Listing(index: index, ruleset: ruleset, query: ListQuery(), groupBy: groupBy, today: today)
            let text = ListRenderer.table(listing, width: 200, colour: true)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            var rows: [ItemRow] = []
            for group in listing.groups {
                if !group.name.isEmpty { XCTAssertEqual(lines.removeFirst(), "\(group.name) (\(group.rows.count))") }
                XCTAssertTrue(lines.removeFirst().hasPrefix("ID"), "a header above each group")
                for row in group.rows {
                    let line = lines.removeFirst()
                    XCTAssertEqual(line.hasPrefix("\u{1B}[31m"), row.isOverdue, line)
                    XCTAssertEqual(line.hasSuffix("\u{1B}[0m"), row.isOverdue, line)
                    XCTAssertTrue(line.drop { $0 != "R" }.hasPrefix(row.id + " "), "\(line) should be \(row.id)")
                    rows.append(row)
                }
            }
            XCTAssertTrue(lines.isEmpty, "no line left over")
            XCTAssertEqual(rows.count, count)
            XCTAssertEqual(Set(rows.map(\.id)).count, count, "each row once")
        }
    }
}
