import AftermathCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A walk's memory of folders (`FolderListings`): what an earlier walk found, to spare
/// listing the folders that did not change since, and what this walk finds, to keep for the
/// next one. Shared by the walking threads.
public final class FolderMemory: @unchecked Sendable {
    /// A folder as this walk took it: from the earlier walk's record, or listed anew.
    enum Seen {
        case kept(FolderListings.Folder)
        case listed(FolderListings.Record)
    }

    let earlier: FolderListings?
    /// When this walk started: every stat it takes comes later.
    public let startedAt: FolderListings.Time
    private let lock = NSLock()
    private var seen: [Seen] = []

    /// - Parameter earlier: listings of an earlier walk of the same root, if any.
    public init(earlier: FolderListings?, startedAt: FolderListings.Time = .now) {
        self.earlier = earlier
        self.startedAt = startedAt
    }

    func note(_ folders: [Seen]) {
        lock.withLock { seen += folders }
    }

    /// How many folders this walk listed anew (the rest it took from the earlier walk).
    public var listedCount: Int { lock.withLock { seen.reduce(0) { if case .listed = $1 { $0 + 1 } else { $0 } } } }

    /// The listings to keep for the next walk of `root`, or nil when this walk learnt nothing
    /// the next could use: nothing was listed anew, or every folder listed anew changed too
    /// recently to be trusted yet (it is listed again until it settles, then written once).
    public func worthSaving(root: String) -> [UInt8]? {
        let seen = lock.withLock { self.seen }
        var listedTrusted = false, listedAny = false
        for case .listed(let record) in seen {
            listedAny = true
            if FolderListings.isSettled(record.stamp, recordedAt: startedAt) { listedTrusted = true }
        }
        guard listedAny, earlier == nil || listedTrusted else { return nil }
        var records: [FolderListings.Record] = []
        records.reserveCapacity(seen.count)
        for folder in seen {
            switch folder {
            case .listed(let record): records.append(record)
            case .kept(let stored): if let record = earlier?.record(stored) { records.append(record) }
            }
        }
        return FolderListings.encode(root: root, recordedAt: startedAt, records)
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
                  modified: FolderListings.Time(seconds: Int64(info.st_mtim.tv_sec), nanoseconds: Int64(info.st_mtim.tv_nsec)),
                  changed: FolderListings.Time(seconds: Int64(info.st_ctim.tv_sec), nanoseconds: Int64(info.st_ctim.tv_nsec)))
    }
}
