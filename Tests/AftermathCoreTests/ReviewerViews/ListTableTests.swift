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
        let index = ListedIndex(documents.map(ListedDocument.init))
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

    /// Cells are shown safely and aligned by the columns they take: control characters are
    /// escaped (and measured escaped), other characters count one column each, not a byte each.
    func testCellsAreEscapedAndMeasuredByColumns() throws {
        let ruleset = try RulesetLoader.load(from: InMemorySnapshot(files: RuleExamples.merged([:]))).get()
        func node(_ fields: [(String, String)]) -> Node {
            Node(.object(fields.map { Node.Entry(key: $0.0, keyLocation: .fileStart, value: Node(.string($0.1))) }))
        }
        let titles = ["Plain title", "Über-Prüfung der Zugänge", "Clear \u{1B}[2J screen\u{07}", "Tab\there"]
        let documents = titles.enumerated().map { i, title in
            Document(path: "postmortems/R-2026-001-0\(i).md", kind: .remediation, id: "R-2026-001-0\(i)",
                     frontMatter: node([("id", "R-2026-001-0\(i)"), ("status", "open"), ("owner", i == 1 ? "zoë" : "bob"), ("due", "2027-01-01"), ("title", title)]),
                     body: MarkdownBody())
        }
        let listing = Listing(index: ListedIndex(documents.map(ListedDocument.init)), ruleset: ruleset, query: ListQuery(), groupBy: nil,
                              today: try XCTUnwrap(Timestamp.parseDate("2026-06-01")))
        let lines = ListRenderer.table(listing, width: 200, colour: false).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 1 + titles.count)
        XCTAssertFalse(lines.joined().contains("\u{1B}") || lines.joined().contains("\u{07}") || lines.joined().contains("\t"), "nothing reaches the terminal raw")
        // Every title is shown (escaped where it must be) and starts in the same column,
        // counted in characters.
        let shown = ["Plain title", "Über-Prüfung der Zugänge", "Clear \\u{1b}[2J screen\\u{7}", "Tab\\there"]
        let titleColumns = try shown.map { title in
            let line = try XCTUnwrap(lines.first { $0.hasSuffix(title) }, "\(title) shown")
            return line.count - title.count
        }
        XCTAssertEqual(Set(titleColumns).count, 1, lines.joined(separator: "\n"))
        XCTAssertEqual(titleColumns.first, lines[0].distance(from: lines[0].startIndex, to: lines[0].range(of: "TITLE")!.lowerBound))
    }
}
