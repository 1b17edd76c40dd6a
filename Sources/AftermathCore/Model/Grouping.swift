/// Positions grouped by a number in `0..<count` (a counting sort): group `g` is
/// `order[range(of: g)]`, its positions in increasing order; a position whose group is negative
/// belongs to none. One array for all groups rather than an array per group (tens of thousands
/// of small arrays grown one by one were most of building such tables in a large repository).
struct Grouping: Sendable {
    private var starts: [Int]
    private(set) var order: [Int]

    init(count: Int, of groups: some Collection<Int>) {
        starts = [Int](repeating: 0, count: count + 1)
        for g in groups where g >= 0 { starts[g + 1] += 1 }
        for g in 0..<count { starts[g + 1] += starts[g] }
        var next = starts
        order = [Int](repeating: 0, count: starts[count])
        for (position, g) in groups.enumerated() where g >= 0 {
            order[next[g]] = position
            next[g] += 1
        }
    }

    func range(of group: Int) -> Range<Int> { starts[group]..<starts[group + 1] }

    /// The positions of `group`, in increasing order.
    func members(of group: Int) -> ArraySlice<Int> { order[range(of: group)] }
}
