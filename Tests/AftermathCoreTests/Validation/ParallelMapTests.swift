import Synchronization
import XCTest
@testable import AftermathCore

/// Work spread over threads comes back complete and in order, whatever the thread count and
/// however unevenly the items cost.
final class ParallelMapTests: XCTestCase {
    func testEveryItemOnceInOrder() throws {
        for (count, threads) in [(0, 2), (1, 4), (7, 3), (1000, 2), (10_007, 4), (5000, 1)] {
            let calls = Atomic<Int>(0)
            let result = try ParallelMap.map(count, threads: threads) { i -> Int in
                calls.add(1, ordering: .relaxed)
                return i * 3
            }
            XCTAssertEqual(result, (0..<count).map { $0 * 3 }, "\(count) items on \(threads) threads")
            XCTAssertEqual(calls.load(ordering: .relaxed), count, "each item exactly once")
        }
    }

    func testAStalledThreadLeavesItsShareToTheOthers() throws {
        // Item 0 stalls until the whole second half is done. Dealt out in advance, half of that
        // half would wait behind item 0 on the stalled thread; handed out on demand, the other
        // thread takes it all. (The deadline only keeps a broken build from hanging the suite.)
        let count = 2000
        let secondHalfDone = Atomic<Int>(0)
        let result = try ParallelMap.map(count, threads: 2) { i -> Bool in
            if i == 0 {
                let deadline = Date().addingTimeInterval(30)
                while secondHalfDone.load(ordering: .acquiring) < count / 2 && Date() < deadline { usleep(1000) }
                return secondHalfDone.load(ordering: .acquiring) == count / 2
            }
            if i >= count / 2 { secondHalfDone.add(1, ordering: .releasing) }
            return true
        }
        XCTAssertEqual(result.count, count)
        XCTAssertTrue(result[0], "the second half waited behind the stalled item")
    }

    func testEachThreadHasItsOwnWorkerState() throws {
        // Per thread, the states seen (one each), and which thread saw each state.
        let seen = Locked<[UInt: Set<Int>]>([:])
        let made = Atomic<Int>(0)
        _ = try ParallelMap.map(5000, threads: 2, worker: { made.add(1, ordering: .relaxed).newValue }) { worker, i -> Int in
            let thread = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(bitPattern: UInt(pthread_self()))))
            seen.withLock { _ = $0[thread, default: []].insert(worker) }
            return i
        }
        let byThread = seen.withLock { $0 }
        XCTAssertLessThanOrEqual(made.load(ordering: .relaxed), 2, "at most one state per thread")
        XCTAssertTrue(byThread.values.allSatisfy { $0.count == 1 }, "a thread kept its own state: \(byThread)")
        let states = byThread.values.map { $0.first! }
        XCTAssertEqual(Set(states).count, states.count, "no state was shared between threads")
    }

    func testStretchesAreJoinedInOrder() {
        for (count, minimum) in [(0, 10), (5, 10), (10_000, 100), (10_001, 1024), (3000, 1)] {
            let stretches = Locked<Int>(0)
            let joined = ParallelMap.joined(count, threads: 3, minimum: minimum) { range -> [Int] in
                stretches.withLock { $0 += 1 }
                return range.map { $0 * 2 }
            }
            XCTAssertEqual(joined, (0..<count).map { $0 * 2 }, "\(count) items, stretches of at least \(minimum)")
            if count > minimum { XCTAssertGreaterThan(stretches.withLock { $0 }, 1, "spread over stretches") }
        }
    }

    func testTheDispenserHandsOutEveryItemOnceInRuns() {
        let items = ItemDispenser(count: 10, run: 4)
        XCTAssertEqual(items.next(), 0..<4)
        XCTAssertEqual(items.next(), 4..<8)
        XCTAssertEqual(items.next(), 8..<10)
        XCTAssertNil(items.next())
        XCTAssertNil(items.next())
        XCTAssertNil(ItemDispenser(count: 0).next())
        // Taken from several threads at once: each item exactly once.
        let shared = ItemDispenser(count: 100_000, run: 7)
        let seen = Locked<[Int]>(Array(repeating: 0, count: 100_000))
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            var mine: [Int] = []
            while let run = shared.next() { mine += run }
            seen.withLock { for i in mine { $0[i] += 1 } }
        }
        XCTAssertTrue(seen.withLock { $0.allSatisfy { $0 == 1 } })
    }

    func testFirstFailureIsThrownAfterAllRan() {
        struct Failure: Error, Equatable { let item: Int }
        let calls = Atomic<Int>(0)
        XCTAssertThrowsError(try ParallelMap.map(500, threads: 3) { i -> Int in
            calls.add(1, ordering: .relaxed)
            if i == 123 || i == 400 { throw Failure(item: i) }
            return i
        }) { XCTAssertEqual($0 as? Failure, Failure(item: 123)) }
        XCTAssertEqual(calls.load(ordering: .relaxed), 500)
    }
}

/// A value behind a pthread lock. (`Mutex` from Synchronization locks with bare futex calls on
/// Linux, which ThreadSanitizer does not see, so it would report the guarded accesses as races.)
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
