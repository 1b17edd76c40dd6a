import XCTest
@testable import AftermathCore

/// The one-pass reader answers only where libyaml would give the same tree and positions.
final class SimpleFrontMatterTests: XCTestCase {
    func both(_ yaml: [UInt8], limits: ParseLimits = .standard) -> (simple: FrontMatterReader.Output, full: FrontMatterReader.Output) {
        (FrontMatterReader.read(yaml, firstLine: 2, limits: limits, simple: true), FrontMatterReader.read(yaml, firstLine: 2, limits: limits, simple: false))
    }

    func assertSame(_ yaml: [UInt8], limits: ParseLimits = .standard, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
        let (simple, full) = both(yaml, limits: limits)
        XCTAssertEqual(simple.root.map(Self.dump), full.root.map(Self.dump), "\(message) \(String(decoding: yaml, as: UTF8.self).debugDescription)", file: file, line: line)
        XCTAssertEqual(simple.problems, full.problems, "\(message) \(String(decoding: yaml, as: UTF8.self).debugDescription)", file: file, line: line)
    }

    /// A node with its kind of value and every position (node equality ignores positions).
    static func dump(_ node: Node) -> String {
        let at = "@\(node.location.line):\(node.location.column)"
        switch node.value {
        case .null: return "null" + at
        case .bool(let b): return "\(b)" + at
        case .integer(let i): return "int \(i)" + at
        case .number(let d): return "number \(d)" + at
        case .string(let s): return s.debugDescription + at
        case .array(let items): return "[" + items.map(dump).joined(separator: ", ") + "]" + at
        case .object(let entries):
            return "{" + entries.map { "\($0.key)@\($0.keyLocation.line):\($0.keyLocation.column) = \(dump($0.value))" }.joined(separator: ", ") + "}" + at
        }
    }

    func taken(_ yaml: String) -> Bool {
        Array(yaml.utf8).withUnsafeBufferPointer { SimpleFrontMatter.read($0, firstLine: 2, limits: .standard) } != nil
    }

    static let simpleShapes = [
        "id: R-2026-001-01\nkind: remediation\ntitle: Rotate the keys\nowner: alice\ndue: 2026-03-01\nstatus: open\n",
        "id: PM-2026-001\nauthors: [alice, 'bob', \"carol\"]\nincident:\n  detected_at: 2026-03-09T16:00:00Z\n  declared_at: 2026-03-09T16:20:00Z\ncustomer_impact: false\ntags: []\n",
        "bugs: [JIRA:OPS-12, 'github:acme/infra#28']\nurl: https://example.org/a\ncount: 12\nratio: 1.5\nnothing: ~\nalso: null\nempty:\nlast: x\n",
        "title: spaces  inside   kept   \nnegative_key: a-b\nunder_score: ok\nquoted: 'it is'\nclock: 12:30\nyes: no\n",
        "a: 1\nb:\n  c: 2\n  d: [x, y]\n  e:\nf: 'g'",
    ]

    func testCommonShapesAreReadDirectlyAndAgree() {
        for yaml in Self.simpleShapes {
            XCTAssertTrue(taken(yaml), yaml)
            assertSame(Array(yaml.utf8))
        }
    }

    func testOtherShapesAreLeftToLibyaml() {
        for yaml in ["a: 'it''s'\n", "a: \"esc\\n\"\n", "a: b # comment\n", "# c\na: b\n", "a: b\n\nc: d\n", "a: b\n  continued\n",
                     "a:\n  - x\n", "a: &x 1\n", "a: *x\n", "a: !t 1\n", "<<: {a: 1}\n", "a: b\na: c\n", "true: x\n", "a: .nan\n",
                     "a: [x, [y]]\n", "a: [x,\n  y]\n", "a: café\n", "a:\tb\n", "a: b\r\n", "a: x: y\n", "a: x:\n", "a: -5\n",
                     "a:\n    deep: 1\n", "a: {b: 1}\n", "a: [x, ]\n", " a: b\n", "a : b\n", ""] {
            XCTAssertFalse(taken(yaml), yaml)
            assertSame(Array(yaml.utf8))
        }
        // Up to 32 fields in a mapping and 16 items in a list are read directly; beyond, libyaml.
        func fields(_ n: Int, indent: String = "") -> String { (0..<n).map { "\(indent)f\($0): v\($0)\n" }.joined() }
        func list(_ n: Int) -> String { "l: [" + (0..<n).map { "i\($0)" }.joined(separator: ", ") + "]\n" }
        for (yaml, direct) in [(fields(32), true), (fields(33), false), ("a:\n" + fields(32, indent: "  "), true),
                               ("a:\n" + fields(33, indent: "  "), false), (list(16), true), (list(17), false),
                               ("a: 'x'\n" + fields(30) + list(16), true), (fields(31) + "z: [1, 2]\nz: 3\n", false)] {
            XCTAssertEqual(taken(yaml), direct, yaml)
            assertSame(Array(yaml.utf8))
        }
        let tight = ParseLimits(maxScalarBytes: 3)
        assertSame(Array("a: long\n".utf8), limits: tight)
        XCTAssertNil(Array("a: long\n".utf8).withUnsafeBufferPointer { SimpleFrontMatter.read($0, firstLine: 2, limits: tight) })
    }

    /// Every example document (the broken ones too), and random edits of them: wherever the
    /// one-pass reader answers, it answers as libyaml does.
    func testAgreesWithLibyamlOnExamplesAndRandomEdits() throws {
        var frontMatters: [[UInt8]] = []
        let root = TestFiles.url("examples")
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)! where url.pathExtension == "md" {
            if case .success(let framed) = DocumentFramer.frame(Array(try Data(contentsOf: url))) { frontMatters.append(Array(framed.frontMatter)) }
        }
        frontMatters += Self.simpleShapes.map { Array($0.utf8) }
        XCTAssertGreaterThan(frontMatters.count, 20)
        var simpleAnswered = 0
        for yaml in frontMatters {
            assertSame(yaml, "example")
            if yaml.withUnsafeBufferPointer({ SimpleFrontMatter.read($0, firstLine: 2, limits: .standard) }) != nil { simpleAnswered += 1 }
        }
        XCTAssertGreaterThan(simpleAnswered, frontMatters.count / 2, "most documents take the one-pass reader")
        let tricky = Array(" :#'\"[],-\n\t{}~&*!|>%@`.0aZ_/é".utf8)
        var random = SplitMix64(seed: 8)
        for round in 0..<4000 {
            var yaml = frontMatters[Int(random.next() % UInt64(frontMatters.count))]
            for _ in 0..<(1 + Int(random.next() % 3)) where !yaml.isEmpty {
                let at = Int(random.next() % UInt64(yaml.count))
                switch random.next() % 3 {
                case 0: yaml.insert(tricky[Int(random.next() % UInt64(tricky.count))], at: at)
                case 1: yaml.remove(at: at)
                default: yaml[at] = tricky[Int(random.next() % UInt64(tricky.count))]
                }
            }
            // The framer only passes valid UTF-8 on.
            guard String(validating: yaml, as: UTF8.self) != nil else { continue }
            assertSame(yaml, "round \(round)")
        }
    }
}
