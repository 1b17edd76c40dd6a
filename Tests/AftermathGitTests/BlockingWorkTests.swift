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

    /// Items that only compute, on cores kept busy by other threads, are preempted (wall time
    /// well over CPU time) but never wait: they must not bring in more threads than cores.
    func testPreemptedItemsDoNotBringInMoreThreads() throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let stop = Atomic<Bool>(false)
        let hogs = (0..<cores).map { _ in
            let hog = Thread { while !stop.load(ordering: .relaxed) {} }
            hog.start()
            return hog
        }
        defer { stop.store(true, ordering: .relaxed); _ = hogs }
        let ran = try BlockingWork.map(64, threads: 16) { _ -> UInt in
            Self.spin(cpuNanoseconds: 2_000_000)
            return UInt(pthread_self())
        }
        XCTAssertEqual(ran.count, 64)
        XCTAssertLessThanOrEqual(Set(ran).count, cores)
    }

    /// Keeps the calling thread computing for this much of its own CPU time.
    private static func spin(cpuNanoseconds: UInt64) {
        func cpu() -> UInt64 {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
        }
        let start = cpu()
        while cpu() - start < cpuNanoseconds {}
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
