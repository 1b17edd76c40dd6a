import AftermathCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Work on many items that may wait on the kernel or the disk (listing folders, examining
/// files). It starts on one thread per core; a thread whose item spent a while waiting (its
/// wall time well over its CPU time, and the thread put to sleep rather than only set aside
/// for another) starts another, up to `threads`, so that while some wait on a cold disk,
/// others issue their requests. When metadata is cached, nothing waits and no more threads
/// than cores contend (more threads than cores would only slow a warm walk down). Results
/// come back in the items' order; the first failure is thrown after all
/// ran. CPU-bound work belongs in `ParallelMap`.
enum BlockingWork {
    /// Waiting, in one item, that calls for another thread: far more than a preemption or a
    /// page fault costs, far less than a read from disk.
    static let waitThatAddsAThread: UInt64 = 200_000  // nanoseconds

    static func map<T>(_ count: Int, threads: Int, _ body: @escaping @Sendable (Int) throws -> T) throws -> [T] {
        guard count > 1, threads > 1 else { return try (0..<count).map(body) }
        let results = ResultSlots<Result<T, Error>>(count: count)
        // One at a time, so a thread that waited long does fewer.
        let items = ItemDispenser(count: count)
        let crew = Crew(limit: min(threads, count))
        crew.work = { [unowned crew] in
            items.forEach { i in
                let before = ThreadTimes.now()
                results[i] = Result { try body(i) }
                if ThreadTimes.now().sleptSince(before, longerThan: waitThatAddsAThread) { crew.startOne() }
            }
        }
        // The calling thread works too, so if no thread can be started the work still gets done.
        for _ in 1..<min(ProcessorCount.online, crew.limit) { crew.startOne() }
        crew.work()
        crew.joinAll()
        return try results.takeResults()
    }

    /// The threads working on one `map`: started on demand up to a limit (the caller counts
    /// as one), joined at the end.
    private final class Crew: @unchecked Sendable {
        let limit: Int
        var work: @Sendable () -> Void = {}
        private let lock = NSLock()
        private var running = 1
        private var started: [pthread_t] = []

        init(limit: Int) { self.limit = limit }

        func startOne() {
            lock.lock()
            defer { lock.unlock() }
            guard running < limit else { return }
            var thread = pthread_t()
            let retained = Unmanaged.passRetained(self).toOpaque()
            guard pthread_create(&thread, nil, { raw in
                Unmanaged<Crew>.fromOpaque(raw!).takeRetainedValue().work()
                return nil
            }, retained) == 0 else {
                Unmanaged<Crew>.fromOpaque(retained).release()
                return
            }
            running += 1
            started.append(thread)
        }

        /// Joins every thread started, including any started while joining.
        func joinAll() {
            var joined = 0
            while true {
                let next: pthread_t? = lock.withLock { joined < started.count ? started[joined] : nil }
                guard let next else { return }
                pthread_join(next, nil)
                joined += 1
            }
        }
    }

    /// What tells waiting from being preempted. A thread preempted by another on a busy core
    /// also shows wall time over CPU time, and taking that for a wait once started threads up
    /// to the limit in one warm walk out of five, each more thread making the next preemption
    /// likelier; only a wait puts the thread to sleep (a voluntary context switch).
    private struct ThreadTimes {
        var wall: UInt64, cpu: UInt64, sleeps: Int

        static func now() -> ThreadTimes {
            var time = timespec()
            clock_gettime(CLOCK_MONOTONIC, &time)
            var usage = rusage()
            getrusage(Platform.usageOfCallingThread, &usage)
            return ThreadTimes(
                wall: UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec),
                cpu: (Self.nanoseconds(usage.ru_utime) &+ Self.nanoseconds(usage.ru_stime)),
                sleeps: usage.ru_nvcsw)
        }

        func sleptSince(_ start: ThreadTimes, longerThan limit: UInt64) -> Bool {
            guard sleeps > start.sleeps else { return false }
            return Int64(bitPattern: wall &- start.wall) - Int64(bitPattern: cpu &- start.cpu) > Int64(limit)
        }

        private static func nanoseconds(_ time: timeval) -> UInt64 {
            UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_usec) &* 1_000
        }
    }
}
