import AftermathCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A walk's memory of folders (`FolderListings`): what an earlier walk found, to spare
/// listing the folders that did not change since, and what this walk finds, to keep for the
/// next one. Shared by the walking threads.
public final class FolderMemory: @unchecked Sendable {
    /// What one thread of a walk found: the folders it listed anew, as encoded records one
    /// after another (one buffer, not an object per folder), and those it took unchanged from
    /// the earlier walk. Taken back to a mark when a folder's record turns out not to fit.
    struct Log {
        var bytes: [UInt8] = []
        var listed: [Int] = []
        var kept: [FolderListings.Folder] = []
        /// Some folder listed anew can be trusted by the next walk.
        var listedSettled = false

        typealias Mark = (bytes: Int, listed: Int, kept: Int)
        var mark: Mark { (bytes.count, listed.count, kept.count) }

        mutating func rollBack(to mark: Mark) {
            bytes.removeLast(bytes.count - mark.bytes)
            listed.removeLast(listed.count - mark.listed)
            kept.removeLast(kept.count - mark.kept)
        }
    }

    let earlier: FolderListings?
    /// When this walk started: every stat it takes comes later.
    public let startedAt: FolderListings.Time
    private let lock = NSLock()
    private var logs: [Log] = []

    /// - Parameter earlier: listings of an earlier walk of the same root, if any.
    public init(earlier: FolderListings?, startedAt: FolderListings.Time = .now) {
        self.earlier = earlier
        self.startedAt = startedAt
    }

    /// Records a folder listed anew in `log`.
    func noteListed(_ path: RepositoryPath, _ stamp: FolderListings.Stamp, holdsGit: Bool, complete: Bool, entries: FolderListings.Entries, in log: inout Log) {
        log.listed.append(log.bytes.count)
        path.withBytes { FolderListings.appendRecord(to: &log.bytes, path: $0, stamp: stamp, holdsGit: holdsGit, complete: complete, entries: entries) }
        if FolderListings.isSettled(stamp, recordedAt: startedAt) { log.listedSettled = true }
    }

    func note(_ log: Log) {
        lock.withLock { logs.append(log) }
    }

    /// Drops what this walk found (once kept, or found not worth keeping): memory that would
    /// otherwise stay for the rest of a run.
    public func clear() {
        lock.withLock { logs = [] }
    }

    /// How many folders this walk listed anew (the rest it took from the earlier walk).
    public var listedCount: Int { lock.withLock { logs.reduce(0) { $0 + $1.listed.count } } }

    /// The listings to keep for the next walk of `root`, or nil when this walk learnt nothing
    /// the next could use: nothing was listed anew, or every folder listed anew changed too
    /// recently to be trusted yet (it is listed again until it settles, then written once).
    public func worthSaving(root: String) -> [UInt8]? {
        let logs = lock.withLock { self.logs }
        guard logs.contains(where: { !$0.listed.isEmpty }), earlier == nil || logs.contains(where: \.listedSettled) else { return nil }
        // One buffer for every log's records, so they can all be handed over in place.
        var all: [UInt8] = []
        all.reserveCapacity(logs.reduce(0) { $0 + $1.bytes.count })
        var ranges: [Range<Int>] = []
        for log in logs {
            let base = all.count
            all += log.bytes
            for (k, start) in log.listed.enumerated() {
                ranges.append(base + start..<base + (k + 1 < log.listed.count ? log.listed[k + 1] : log.bytes.count))
            }
        }
        return all.withUnsafeBytes { raw in
            var records = ranges.map { UnsafeRawBufferPointer(rebasing: raw[$0]) }
            if let earlier {
                for log in logs { records += log.kept.map(earlier.recordBytes) }
            }
            return FolderListings.encode(root: root, recordedAt: startedAt, records)
        }
    }
}

extension FolderListings.Time {
    /// The wall clock, which is the clock file-system times are taken from.
    public static var now: FolderListings.Time {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return FolderListings.Time(seconds: Int64(now.tv_sec), nanoseconds: Int64(now.tv_nsec))
    }
}

extension FolderListings.Stamp {
    init(_ info: stat) {
        self.init(device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino),
                  size: UInt64(truncatingIfNeeded: info.st_size), links: UInt64(truncatingIfNeeded: info.st_nlink),
                  modified: FolderListings.Time(Platform.modificationTime(info)),
                  changed: FolderListings.Time(Platform.changeTime(info)))
    }
}
