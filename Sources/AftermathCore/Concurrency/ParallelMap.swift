import Dispatch

/// Work on many items spread over every core (or `threads`), each item's result kept in its
/// slot so the results come back in the items' order: how documents are parsed and folders
/// scanned or walked.
public enum ParallelMap {
    /// `body(i)` for every `i` below `count`; the first failure is thrown after all ran.
    public static func map<T>(_ count: Int, threads: Int = 0, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        try map(count, threads: threads, worker: {}) { _, i in try body(i) }
    }

    /// `map` where each thread first makes `worker()`, state of its own handed to `body` with
    /// each of its items: what must not be shared between threads (see `Ruleset.copyForThread`).
    public static func map<W, T>(_ count: Int, threads: Int = 0, worker: @Sendable () -> W,
                                 _ body: @Sendable (W, Int) throws -> T) throws -> [T] {
        guard count > 0 else { return [] }
        let workers = max(1, min(threads > 0 ? threads : ProcessorCount.online, count))
        let results = ResultSlots<Result<T, Error>>(count: count)
        // Short runs: few enough trips to the shared counter, many enough to end evenly.
        let items = ItemDispenser(count: count, run: max(1, min(64, count / (workers * 32))))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let state = worker()
            items.forEach { i in results[i] = Result { try body(state, i) } }
        }
        return try results.takeResults()
    }

    /// `body` over consecutive stretches of `0..<count` (a few per core, none shorter than
    /// `minimum` items, so little work stays on one thread), the results joined in order:
    /// for cheap work on many items, where one task per item would cost more than the item.
    public static func joined<T>(_ count: Int, threads: Int = 0, minimum: Int = 1024, _ body: @Sendable (Range<Int>) -> [T]) -> [T] {
        guard count > minimum else { return body(0..<count) }
        let workers = max(1, threads > 0 ? threads : ProcessorCount.online)
        let stretch = max(minimum, (count + 4 * workers - 1) / (4 * workers))
        let parts = (try? map((count + stretch - 1) / stretch, threads: threads) { s in body((s * stretch)..<min(count, (s + 1) * stretch)) }) ?? []
        var joined: [T] = []
        joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { joined += part }
        return joined
    }
}

/// Items `0..<count` handed to threads in runs as they ask for them, not dealt out in advance:
/// a thread the machine sets back (or a stretch of costly items) then leaves no other idle at
/// the end. Dealt out in advance, one of two cores sat idle for the last seventh of a
/// 100k-document parse (measured).
