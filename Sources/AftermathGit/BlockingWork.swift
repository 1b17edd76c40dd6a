import AftermathCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Work on many items that mostly waits on the kernel or the disk (listing folders, examining
/// files): spread over more threads than there are cores, so that while some wait, others
/// issue their requests. Results come back in the items' order; the first failure is thrown
/// after all ran. CPU-bound work belongs in `ParallelMap`, which uses one thread per core.
enum BlockingWork {
    static func map<T>(_ count: Int, threads: Int, _ body: @escaping @Sendable (Int) throws -> T) throws -> [T] {
        guard count > 1, threads > 1 else { return try (0..<count).map(body) }
        let results = ResultSlots<Result<T, Error>>(count: count)
        // One at a time, so a thread that waited long does fewer.
        let items = ItemDispenser(count: count)
        let worker = Worker { items.forEach { i in results[i] = Result { try body(i) } } }
        // Threads of their own (the shared dispatch pool runs only as many as there are
        // cores); the calling thread works too, so if none can be started the work still gets done.
        var started: [pthread_t] = []
        for _ in 1..<min(threads, count) {
            var thread = pthread_t()
            let retained = Unmanaged.passRetained(worker).toOpaque()
            if pthread_create(&thread, nil, { raw in
                Unmanaged<Worker>.fromOpaque(raw!).takeRetainedValue().run()
                return nil
            }, retained) == 0 {
                started.append(thread)
            } else {
                Unmanaged<Worker>.fromOpaque(retained).release()
                break
            }
        }
        worker.run()
        for thread in started { pthread_join(thread, nil) }
        return try results.takeResults()
    }

    private final class Worker: @unchecked Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}
