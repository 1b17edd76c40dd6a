import XCTest
@testable import AftermathCore

/// Rows are put in order by moving them (`ListQuery.permuted`): the result must be the rows
/// taken in that order, for any order, with nothing lost or repeated.
final class ListOrderTests: XCTestCase {
    func testPermutingMovesEveryRowToItsPlace() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 3, 10, 257] {
            for _ in 0..<20 {
                let rows = (0..<count).map { "row \($0)" }
                let order = Array(rows.indices).shuffled(using: &generator)
                XCTAssertEqual(ListQuery.permuted(rows, order), order.map { rows[$0] }, "\(order)")
            }
        }
        let rows = ["a", "b", "c", "d"]
        XCTAssertEqual(ListQuery.permuted(rows, [0, 1, 2, 3]), rows)
        XCTAssertEqual(ListQuery.permuted(rows, [3, 2, 1, 0]), ["d", "c", "b", "a"])
        XCTAssertEqual(ListQuery.permuted(rows, [1, 2, 3, 0]), ["b", "c", "d", "a"])
    }

    /// A row's sort keys hold what a string's first bytes tell of its place; whatever they
    /// decide must be what comparing the strings gives, and a decomposed accent (which Swift
    /// orders as the composed letter, not as its bytes) must be left to the strings.
    func testStringSortKeysDecideAsSwiftComparesStrings() {
        let strings = ["", "a", "ab", "ab\u{0}", "ab\u{0}\u{0}", "abc", "b", "2026-03-01", "2026-03-02", "9999-99-99",
                       "R-2026-0001-01", "R-2026-0001-02", "R-2026-0001-10", "person01", "team1",
                       String(repeating: "x", count: 16), String(repeating: "x", count: 17), String(repeating: "x", count: 16) + "a",
                       String(repeating: "x", count: 16) + "b", String(repeating: "x", count: 15) + "y",
                       "f", "e\u{301}x", "\u{e9}x", "\u{e9}", "zoë", "zoe", "Zoe", "日本"]
        var decided = 0
        for a in strings {
            for b in strings {
                let expected = a == b ? 0 : (a < b ? -1 : 1)
                guard let told = StringSortKey(a).compared(with: StringSortKey(b)) else { continue }
                decided += 1
                XCTAssertEqual(told, expected, "\(a.debugDescription) against \(b.debugDescription)")
            }
        }
        // Most pairs (the ASCII ones) are decided by the keys; the decomposed accent never is.
        XCTAssertGreaterThan(decided, strings.count * strings.count / 2)
        XCTAssertNil(StringSortKey("e\u{301}x").compared(with: StringSortKey("f")))
    }
}
