import Dispatch
import Foundation

/// Work on many folders spread over every core, each folder's result kept in its slot so the
/// results come back in the folders' order: how folder scans and tree walks fan out (listing
/// and stat calls, or tree reads, are most of their time).
enum FolderFanOut {
    /// `body(i)` for every folder `i`, on every core; the first failure is thrown after all ran.
    static func map<T>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let slots = (0..<count).map { _ in Slot<T>() }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for i in stride(from: worker, to: count, by: workers) {
                slots[i].result = Result { try body(i) }
            }
        }
        return try slots.map { try $0.result!.get() }
    }

    /// One folder's result, written by whichever thread took the folder.
    private final class Slot<T>: @unchecked Sendable {
        var result: Result<T, Error>?
    }
}
