import XCTest
@testable import AftermathCore

/// Diagnostics are reported in one order — path, position, rule, message — however they
/// arrive: all in order, an ordered run then others, or shuffled.
final class ReportingOrderTests: XCTestCase {
    func diagnostic(_ random: inout SplitMix64) -> Diagnostic {
        let paths = ["a.md", "b/c.md", "b/d.md", "e.md"]
        return Diagnostic(path: paths[Int(random.next() % 4)], location: SourceLocation(line: Int(random.next() % 5) + 1, column: Int(random.next() % 3) + 1),
                          severity: random.next() % 2 == 0 ? .error : .warning, ruleID: "AM\(100 + random.next() % 3)", message: "m\(random.next() % 3)")
    }

    func key(_ d: Diagnostic) -> String { "\(d.path):\(d.location.line):\(d.location.column):\(d.ruleID):\(d.message)" }

    func testEveryArrivalGivesTheSortedOrder() {
        var random = SplitMix64(seed: 5)
        for round in 0..<300 {
            let count = Int(random.next() % 40)
            var diagnostics = (0..<count).map { _ in diagnostic(&random) }
            // An ordered run first (as from a summary), then the rest as they come.
            let ordered = count == 0 ? 0 : Int(random.next() % UInt64(count + 1))
            diagnostics.replaceSubrange(0..<ordered, with: diagnostics[0..<ordered].sorted(by: Diagnostic.reportingOrder))
            let expected = diagnostics.sorted(by: Diagnostic.reportingOrder).map(key)
            XCTAssertEqual(diagnostics.sortedForReport().map(key), expected, "round \(round): \(count) diagnostics, \(ordered) in order first")
        }
        XCTAssertEqual([Diagnostic]().sortedForReport().count, 0)
    }

    func testAnOrderedListIsKeptAndTiesKeepTheirOrder() {
        let location = SourceLocation(line: 3, column: 1)
        let first = Diagnostic(path: "a.md", location: location, severity: .error, ruleID: "AM101", message: "same", owner: "first")
        let second = Diagnostic(path: "a.md", location: location, severity: .error, ruleID: "AM101", message: "same", owner: "second")
        let later = Diagnostic(path: "b.md", location: location, severity: .warning, ruleID: "AM401", message: "x")
        XCTAssertEqual([first, second, later].sortedForReport().map(\.owner), ["first", "second", nil])
        // A tie between the ordered run and the rest: the run's comes first, as a stable sort keeps it.
        XCTAssertEqual([first, later, second].sortedForReport().map(\.owner), ["first", "second", nil])
    }
}
