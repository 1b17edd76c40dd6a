import XCTest
@testable import AftermathCore

/// The index's links from an ID to the documents naming it, and the name table schemas and
/// summaries look field names up in.
final class RepositoryIndexTests: XCTestCase {
    func document(_ path: String, _ kind: DocumentKind, _ id: String, parent: String? = nil) -> Document {
        var entries = [Node.Entry(key: "id", keyLocation: .fileStart, value: Node(.string(id)))]
        if let parent {
            entries.append(Node.Entry(key: kind == .finding ? "postmortem" : "finding", keyLocation: .fileStart, value: Node(.string(parent))))
        }
        return Document(path: path, kind: kind, id: id, frontMatter: Node(.object(entries)), body: MarkdownBody())
    }

    /// Children come in path order whatever order the documents were given in, only of the
    /// kind asked for; an ID nobody names, or a missing one that is named, still answers.
    func testChildrenOfEachIDInPathOrder() {
        let documents = [
            document("p/b/F-2.md", .finding, "F-2", parent: "PM-1"),
            document("p/a/R-3.md", .remediation, "R-3", parent: "F-1"),
            document("p/a/F-1.md", .finding, "F-1", parent: "PM-1"),
            document("p/PM-1.md", .postmortem, "PM-1"),
            document("p/a/R-1.md", .remediation, "R-1", parent: "F-1"),
            document("p/c/F-9.md", .finding, "F-9", parent: "PM-gone"),
            document("p/a/R-2.md", .remediation, "R-2", parent: "F-2"),
            document("p/a/R-0.md", .remediation, "R-0", parent: "PM-1"),  // a remediation item linked to a postmortem
        ]
        let index = RepositoryIndex(documents)
        XCTAssertEqual(index.findings(of: "PM-1").map(\.id), ["F-1", "F-2"])
        XCTAssertEqual(index.remediations(of: "PM-1").map(\.id), ["R-0"])
        XCTAssertEqual(index.remediations(of: "F-1").map(\.id), ["R-1", "R-3"])
        XCTAssertEqual(index.remediations(of: "F-2").map(\.id), ["R-2"])
        XCTAssertEqual(index.findings(of: "PM-gone").map(\.id), ["F-9"])
        XCTAssertEqual(index.findings(of: "PM-2").map(\.id), [])
        XCTAssertEqual(index.remediations(of: "R-1").map(\.id), [])
        XCTAssertEqual(index.tree(of: "PM-1").map(\.id), ["PM-1", "F-1", "F-2", "R-1", "R-3", "R-2"])
        XCTAssertEqual(RepositoryIndex([]).findings(of: "PM-1").map(\.id), [])
    }

    func testNameTableFindsEachNameAndNoOther() {
        let table = NameTable([("id", 1), ("due", 2), ("bug", 3), ("id", 4), ("", 5), ("resolved_at", 6)])
        XCTAssertEqual(table.value(of: "id"), 1, "the first of a name counts")
        XCTAssertEqual(table.value(of: "due"), 2)
        XCTAssertEqual(table.value(of: "bug"), 3)
        XCTAssertEqual(table.value(of: ""), 5)
        XCTAssertEqual(table.value(of: "resolved_at"), 6)
        for other in ["ID", "di", "dux", "bugs", "resolved_on", "a much longer name than any in the table"] {
            XCTAssertNil(table.value(of: other), other)
        }
        XCTAssertTrue(NameTable(["a", "b"]).contains("b"))
        XCTAssertFalse(NameTable([String]()).contains("a"))
    }
}
