import XCTest
import Foundation
import Synchronization
@testable import AftermathGit

final class BlockingWorkTests: XCTestCase {
    /// Items that wait (here, sleep) bring in more threads than there are cores, up to the
    /// limit; results keep the items' order either way.
    func testWaitingItemsBringInMoreThreads() throws {
        let threads = ThreadNames()
        let results = try BlockingWork.map(64, threads: 8) { i -> Int in
            threads.add()
            usleep(5_000)
            return i * 2
        }
        XCTAssertEqual(results, (0..<64).map { $0 * 2 })
        XCTAssertGreaterThan(threads.count, ProcessInfo.processInfo.activeProcessorCount)
        XCTAssertLessThanOrEqual(threads.count, 8)
    }

    func testEveryItemRunsOnceAndTheFirstFailureIsThrown() {
        struct Failure: Error, Equatable { let item: Int }
        let ran = Atomic<Int>(0)
        XCTAssertThrowsError(try BlockingWork.map(100, threads: 4) { i -> Int in
            ran.add(1, ordering: .relaxed)
            if i == 30 || i == 70 { throw Failure(item: i) }
            return i
        }) { XCTAssertEqual($0 as? Failure, Failure(item: 30)) }
        XCTAssertEqual(ran.load(ordering: .relaxed), 100)
    }
}

/// The distinct threads that ran items (an `NSLock` box: ThreadSanitizer sees its locking).
private final class ThreadNames: @unchecked Sendable {
    private let lock = NSLock()
    private var seen = Set<UInt>()
    func add() { lock.withLock { _ = seen.insert(UInt(pthread_self())) } }
    var count: Int { lock.withLock { seen.count } }
}
