import XCTest
@testable import AftermathCore

/// The summary's link tables (`LinkTables`) against a plain reference worked out here over the
/// documents' own strings: keys in byte order, components as chains of shared keys join
/// documents, each document's ID key, and who refers to each key — once per document, in order.
final class LinkTablesTests: XCTestCase {
    func testTablesMatchAPlainReference() throws {
        var files = try IncrementalValidatorTests.exampleFiles()
        let folder = "postmortems/PM-2026-001-checkout-db-disk-full/findings/"
        let template = try XCTUnwrap(files[folder + "F-2026-001-01-wal-archiving-unalerted.md"])
        let otherPostmortem = "PM-2026-003"
        func add(_ name: String, id: String, postmortem: String, related: [String] = []) {
            var text = template.replacingFirst(#/\nid: \S+/#, with: "\nid: \"\(id)\"")
                .replacingFirst(#/\npostmortem: \S+/#, with: "\npostmortem: \(postmortem)")
            if !related.isEmpty {
                text = text.replacingFirst(#/\ntitle:/#, with: "\nrelated: [\(related.map { "\"\($0)\"" }.joined(separator: ", "))]\ntitle:")
            }
            files[folder + name] = text
        }
        // Keys longer than the 16 bytes the sort looks at first, equal in those.
        add("F-a.md", id: "F-2026-001-01-extra-long-key-b", postmortem: otherPostmortem)
        add("F-b.md", id: "F-2026-001-01-extra-long-key-a", postmortem: "PM-2099-404",
            related: ["F-2026-001-01-extra-long-key-b", "Zé-only-referred-to", "F-2026-001-01-extra-long-key-b"])
        // A key that is a prefix of another; a key only referred to; a non-ASCII one, referred
        // to first in another spelling (decomposed), which Swift's strings hold equal: the
        // table spells it as the document having it as a key does.
        add("F-c.md", id: "F-2026-001-0", postmortem: "PM-2026-001",
            related: ["F-2026-001-01-extra-long-key-", "F-2026-004-01", "e\u{301}-first"])
        add("F-d.md", id: "\u{E9}-first", postmortem: "PM-2099-404")
        // A second document with an existing ID joins the two postmortems' documents.
        add("F-e.md", id: "F-2026-004-01", postmortem: "PM-2026-002")
        files[folder + "F-f.md"] = "---\nid: [unclosed\n---\n"

        let (summary, ruleset) = try IncrementalValidatorTests.summarise(files)
        let result = try Validator(ruleset: ruleset, today: IncrementalValidatorTests.today).validate(InMemorySnapshot(files: files))
        let byPath = Dictionary(uniqueKeysWithValues: result.index.documents.map { ($0.path, $0) })
        let documents = (0..<summary.documentCount).map { byPath[summary.path($0)] }
        XCTAssertEqual(documents.compactMap { $0 }.count, summary.documentCount - 1, "one file is not a document")

        // Keys: every key and reference once, in byte order.
        let ownKeys = documents.map { $0?.keys ?? [] }
        let references = documents.map { $0?.references ?? [] }
        let expectedKeys = Set(ownKeys.joined()).union(references.joined())
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        XCTAssertEqual((0..<summary.keyCount).map { Array(summary.key($0).utf8) }, expectedKeys.map { Array($0.utf8) })
        XCTAssertTrue(summary.key(expectedKeys.count - 1).utf8.elementsEqual("\u{E9}-first".utf8))
        for key in ["F-2026-001-01-extra-long-key-", "Zé-only-referred-to", "PM-2099-404", "é-first", "F-2026-001-0"] {
            XCTAssertTrue(expectedKeys.contains(key), key)
        }

        // Components: documents sharing a key, transitively; numbered in order of first member.
        var group = Array(documents.indices)
        func root(_ i: Int) -> Int { group[i] == i ? i : root(group[i]) }
        for i in documents.indices {
            for j in documents.indices where j < i && !Set(ownKeys[i]).isDisjoint(with: ownKeys[j]) {
                let (a, b) = (root(i), root(j))
                group[max(a, b)] = min(a, b)
            }
        }
        var numberOfRoot: [Int: Int] = [:]
        let expectedComponent = documents.indices.map { i in
            let r = root(i)
            if numberOfRoot[r] == nil { numberOfRoot[r] = numberOfRoot.count }
            return numberOfRoot[r]!
        }
        XCTAssertEqual(documents.indices.map(summary.component), expectedComponent)
        XCTAssertEqual(summary.component(ofKey: "PM-2026-002"), summary.component(ofKey: "PM-2026-004"), "joined by a shared ID")
        XCTAssertNotEqual(summary.component(ofKey: "PM-2026-001"), summary.component(ofKey: "PM-2026-004"), "related is one way")
        for c in 0..<numberOfRoot.count {
            XCTAssertEqual(summary.members(of: c), documents.indices.filter { expectedComponent[$0] == c })
        }

        for (k, key) in expectedKeys.enumerated() {
            let owner = ownKeys.firstIndex { $0.contains(key) }
            XCTAssertEqual(summary.component(ofKeyNumber: k), owner.map { expectedComponent[$0] }, key)
            XCTAssertEqual(summary.referrers(of: key), references.indices.filter { references[$0].contains(key) }, key)
        }
        XCTAssertEqual(summary.referrers(of: "F-2026-001-01-extra-long-key-b").count, 1, "a repeated reference counts once")
        XCTAssertNil(summary.component(ofKey: "Zé-only-referred-to"))
        for i in documents.indices {
            XCTAssertEqual(summary.idKey(i).map(summary.key), documents[i]?.id, summary.path(i).text)
        }
    }
}
