import XCTest
@testable import AftermathCore

/// Listed fields are read in place, a field at a time: skipping a node must accept exactly what
/// decoding it accepts, and a field read alone must be the field the whole node holds.
final class ListedRecordTests: XCTestCase {
    func string(_ s: String) -> Node { Node(.string(s)) }

    /// Nodes of every kind: listed names and others, nesting, a repeated name.
    var samples: [Node] {
        let incident = Node(.object([entry("declared_at", string("2026-01-02T03:04:05Z")), entry("customer_note", string("ünïcode"))]))
        return [
            Node(.object([entry("id", string("R-2026-001-01")), entry("status", string("open")), entry("owner", string("alice")),
                          entry("due", string("2026-02-01")), entry("title", string(String(repeating: "long title ", count: 30))),
                          entry("bugs", Node(.array([string("JIRA-1"), string("https://example.com/b/2")]))),
                          entry("incident", incident), entry("x_custom", Node(.integer(-12345))), entry("score", Node(.number(2.5))),
                          entry("flag", Node(.bool(true))), entry("off", Node(.bool(false))), entry("nothing", Node(.null)),
                          entry("status", string("second status, never the one found"))])),
            Node(.object([])),
            Node(.array([Node(.object([entry("tags", Node(.array([])))])), Node(.integer(Int.max)), Node(.integer(Int.min))])),
            string(""),
        ]
    }

    func entry(_ key: String, _ value: Node) -> Node.Entry { Node.Entry(key: key, keyLocation: .fileStart, value: value) }

    func encoded(_ node: Node) -> [UInt8] {
        var writer = ByteWriter()
        writer.node(node)
        return writer.buffer
    }

    /// On every sample, every truncation of it and thousands of damaged copies, `skipNode`
    /// succeeds exactly when `node` does, and stops at the same byte.
    func testSkippingAcceptsExactlyWhatDecodingAccepts() {
        var random = SplitMix64(seed: 2026)
        var inputs: [[UInt8]] = []
        for sample in samples {
            let bytes = encoded(sample)
            inputs.append(bytes)
            for length in 0..<bytes.count { inputs.append(Array(bytes[..<length])) }
            for _ in 0..<500 {
                var damaged = bytes
                for _ in 0..<(1 + Int(random.next() % 3)) {
                    damaged[Int(random.next() % UInt64(damaged.count))] = UInt8(truncatingIfNeeded: random.next())
                }
                inputs.append(damaged)
            }
        }
        var decodedCount = 0
        for input in inputs {
            input.withUnsafeBytes { raw in
                var decoder = ByteReader(raw), skipper = ByteReader(raw)
                let decoded = decoder.node()
                XCTAssertEqual(skipper.skipNode(), decoded != nil, "\(input)")
                if decoded != nil {
                    decodedCount += 1
                    XCTAssertEqual(skipper.position, decoder.position, "\(input)")
                }
            }
        }
        XCTAssertGreaterThan(decodedCount, samples.count, "some damaged copies still decode, and were compared")
    }

    /// A field read alone is what the decoded node's subscript gives: the first of its name,
    /// listed names and others alike, nil when absent or when the node is not an object.
    func testAFieldReadAloneIsTheNodesField() {
        let keys = ListedFieldNames.all + ["x_custom", "score", "flag", "off", "nothing", "customer_note", "absent", ""]
        for sample in samples {
            let bytes = encoded(sample)
            for key in keys {
                bytes.withUnsafeBytes { raw in
                    var reader = ByteReader(raw)
                    let alone = reader.field(key)
                    XCTAssertEqual(alone, sample[key], key)
                    XCTAssertEqual(alone?.value, sample[key]?.value, "the same kind of value: \(key)")
                }
            }
        }
        var reader = [UInt8]([7, 2, 2, 5, 2, 0x6F, 0x6B]).withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            return reader.field("status")  // the record ends before its second field
        }
        XCTAssertEqual(reader, string("ok"), "the field is found before the damage")
        reader = [UInt8]([7, 2, 3, 5, 2, 0x6F]).withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            return reader.field("status")
        }
        XCTAssertNil(reader, "a damaged record answers nil, never reads past its end")
    }

    /// A field name's code is its position in the table, and no code for any other name
    /// (of the same lengths too).
    func testEveryListedNameHasItsPositionAsCode() {
        for (position, name) in ListedFieldNames.all.enumerated() {
            XCTAssertEqual(ListedFieldNames.code(name), UInt8(position), name)
            XCTAssertNil(ListedFieldNames.code(name.uppercased()), name)
            XCTAssertNil(ListedFieldNames.code(String(name.dropLast()) + "x"), name)
        }
        for other in ["", "x", "ids", "incidents", "customer_impact", String(repeating: "a", count: 40)] {
            XCTAssertNil(ListedFieldNames.code(other), other)
        }
        XCTAssertEqual(ListedFieldNames.all[Int(ListedFieldNames.incident)], "incident")
        XCTAssertEqual(ListedFieldNames.all.indices.filter { ListedFieldNames.isIncidentTime(UInt8($0)) }.map { ListedFieldNames.all[$0] },
                       ["declared_at", "started_at", "detected_at", "contained_at", "recovered_at"])
    }

    /// A document's listed fields are written as the node of `listedEntries` would be: kept
    /// names in their order, `incident` with its times only (or whole when it is no mapping),
    /// the times left out at the top level, other names dropped.
    func testListedFieldsAreWrittenAsTheirNode() {
        let incident = Node(.object([entry("summary", string("x")), entry("started_at", string("a")), entry("declared_at", string("b")),
                                     entry("resolved_at", string("dropped: not an incident time")), entry("recovered_at", string("c"))]))
        let fronts: [Node] = [
            Node(.object([entry("id", string("PM-2026-001")), entry("kind", string("postmortem")), entry("customer_impact", Node(.bool(true))),
                          entry("incident", incident), entry("declared_at", string("top-level time, dropped")),
                          entry("tags", Node(.array([string("db"), Node(.object([entry("id", string("nested")), entry("other", Node(.null))]))]))),
                          entry("resolved_at", string("kept at the top level")), entry("status", string("open"))])),
            Node(.object([entry("incident", string("not a mapping")), entry("owner", string("bob"))])),
            Node(.object([entry("incident", Node(.object([entry("impact", string("no times"))])))])),
            Node(.object([])),
        ]
        for front in fronts {
            let document = Document(path: "p.md", kind: .postmortem, id: "PM-2026-001", frontMatter: front, body: MarkdownBody())
            var direct = ByteWriter()
            direct.listedFields(of: document)
            XCTAssertEqual(direct.buffer, encoded(Node(.object(document.listedEntries))))
        }
        let kept = Document(path: "p.md", kind: .postmortem, id: "PM-2026-001", frontMatter: fronts[0], body: MarkdownBody()).listedEntries
        XCTAssertEqual(kept.map(\.key), ["id", "kind", "incident", "tags", "resolved_at", "status"])
        XCTAssertEqual(kept[2].value.objectEntries?.map(\.key), ["started_at", "declared_at", "recovered_at"])
    }
}
