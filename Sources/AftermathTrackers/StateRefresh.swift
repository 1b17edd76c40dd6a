import Foundation
import AftermathCore

/// Fetches the states of bug references from their trackers: references grouped by tracker,
/// split into each API's batches, at most `concurrentRequests` batches in flight. A tracker
/// that fails (no token, refused, unreachable) fails alone: the others' states still come back.
public struct StateRefresh: Sendable {
    public struct Outcome: Sendable {
        public var states: [TrackerState] = []
        public var failures: [TrackerError] = []
    }

    public var trackers: TrackerSet
    public var network: TrackerNetwork
    public var concurrentRequests = 4
    public var retrying = HTTPTransport.Retrying()

    public init(trackers: TrackerSet, network: TrackerNetwork) {
        self.trackers = trackers
        self.network = network
    }

    /// - Parameters:
    ///   - kept: the states the last refresh kept (their ETags make conditional requests).
    ///   - progress: called after each batch with the references done so far and in all.
    public func fetch(_ references: [String], kept: TrackerStates = TrackerStates(), now: Timestamp,
                      progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) -> Outcome {
        var outcome = Outcome()
        var work: [(client: any TrackerClient, batch: [String])] = []
        var byTracker: [(Tracker, [String])] = []
        for reference in Set(references).sorted() {
            guard let tracker = trackers.tracker(for: reference), tracker.api != nil else { continue }
            if let i = byTracker.firstIndex(where: { $0.0.name == tracker.name }) { byTracker[i].1.append(reference) } else { byTracker.append((tracker, [reference])) }
        }
        for (tracker, refs) in byTracker {
            do {
                let client = try TrackerClients.client(for: tracker, network: network, retrying: retrying)
                work += client.batches(refs).map { (client, $0) }
            } catch {
                outcome.failures.append(error)
            }
        }
        let total = work.reduce(0) { $0 + $1.batch.count }
        let results = Results(count: work.count)
        let gate = DispatchSemaphore(value: max(1, concurrentRequests))
        let group = DispatchGroup()
        let queue = DispatchQueue(label: "aftermath.trackers", attributes: .concurrent)
        for (i, item) in work.enumerated() {
            gate.wait()
            group.enter()
            queue.async {
                defer { gate.signal(); group.leave() }
                // A tracker that already failed is not asked again.
                if results.failed(item.client.tracker.name) { return }
                let result = Result { () throws(TrackerError) -> [TrackerState] in try item.client.states(of: item.batch, kept: kept, fetchedAt: now) }
                progress(results.store(i, result, tracker: item.client.tracker.name, count: item.batch.count), total)
            }
        }
        group.wait()
        for result in results.all {
            switch result {
            case .success(let states): outcome.states += states
            case .failure(let error): outcome.failures.append(error)
            case nil: break
            }
        }
        return outcome
    }

    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result<[TrackerState], TrackerError>?]
        private var failedTrackers: Set<String> = []
        private var done = 0

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func failed(_ tracker: String) -> Bool { lock.withLock { failedTrackers.contains(tracker) } }

        func store(_ i: Int, _ result: Result<[TrackerState], TrackerError>, tracker: String, count: Int) -> Int {
            lock.withLock {
                // One failure per tracker is reported, not one per batch.
                if case .failure = result {
                    if failedTrackers.contains(tracker) { return done }
                    failedTrackers.insert(tracker)
                }
                slots[i] = result
                done += count
                return done
            }
        }

        var all: [Result<[TrackerState], TrackerError>?] { lock.withLock { slots } }
    }
}
