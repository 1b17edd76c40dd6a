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
}
