import Synchronization

public final class ItemDispenser: Sendable {
    private let count: Int
    private let run: Int
    private let taken = Atomic<Int>(0)

    public init(count: Int, run: Int = 1) {
        self.count = count
        self.run = max(1, run)
    }

    /// The next run of items, nil once all are out.
    public func next() -> Range<Int>? {
        let start = taken.add(run, ordering: .relaxed).oldValue
        return start < count ? start..<min(start + run, count) : nil
    }

    /// `body` on every item this thread is handed, until all are out.
    public func forEach(_ body: (Int) -> Void) {
        while let run = next() {
            for i in run { body(i) }
        }
    }
}

/// Fixed slots written by distinct indexes from several threads, read after they finish.
/// Raw storage rather than an array property: Swift's dynamic exclusivity checks would
/// (rightly) trap on concurrent mutation of one array, even at distinct indexes.
