import CLibGit2
import AftermathCore
#if canImport(Glibc)
import Glibc
#endif

/// Content IDs for the documents of the working tree, mostly without reading them: a file
/// whose stat data matches its index entry, and which was not modified in the instant the
/// index was written, has the entry's blob ID — the test `git status` itself relies on.
/// Other files are read and hashed as git would hash them.
///
/// A change git does not see as one (a line-ending normalisation that leaves the staged blob
/// the same) is not seen here either. A walk that does not examine files (`examinesFiles`)
/// lists them with the null ID, for `ReadIdentifiedSnapshot` to identify as they are read.
public enum WorkingTreeIDs {
    /// The documents of the working tree with their content IDs, sorted by path bytes.
    /// - Parameters:
    ///   - files: the working tree at the Aftermath root.
    ///   - folder: that root relative to the git work tree ("" when they are the same).
    public static func listing(_ files: WorkingTreeSnapshot, roots: [String], folder: String, index: GitIndexFile?) throws -> ContentListing {
        let prefix = folder.isEmpty ? "" : folder + "/"
        let filter = DocumentPathFilter(roots: roots)
        var runs: [ContentListing] = []
        var entries: [(path: RepositoryPath, id: ContentID)] = []  // with several roots: each root's
        var seen = Set<RepositoryPath>()
        for root in roots {
            // Files are identified by the threads that find them, a top folder's files at a time
            // (a run of lookups in order: the first a binary search, each other starting where
            // the last ended), and listed there too: joining the runs' listings is then a copy
            // of their buffers, rather than appending every path one by one on one thread.
            let found = try files.scanRuns(under: root) { run -> [ContentListing] in
                var hint = -1
                var parts: [ContentListing] = []
                var part = ContentListing(reserving: run.count, pathBytes: run.reduce(0) { $0 + $1.path.byteCount })
                for (path, info) in run {
                    guard filter.matches(path) else { continue }
                    let id: ContentID
                    if info.st_mode == 0 {
                        id = .null  // not examined by the walk: identified as it is read (`ReadIdentifiedSnapshot`)
                    } else if let indexed = indexedID(path, info, prefix: prefix, index: index, hint: &hint) {
                        id = indexed
                    } else if let hashed = try hash(path.prefixed(by: files.root + "/")) {
                        id = hashed
                    } else {
                        continue
                    }
                    if !path.withBytes({ part.append(path: $0, id: id) }) {
                        // Out of order (a file system may name oddly): a new part, sorted out below.
                        parts.append(part)
                        part = ContentListing()
                        path.withBytes { _ = part.append(path: $0, id: id) }
                    }
                }
                parts.append(part)
                return parts
            }
            // Roots may nest; each document counts once.
            if roots.count == 1 {
                runs = Array(found.joined())
            } else {
                entries += found.joined().flatMap(\.entries).filter { seen.insert($0.path).inserted }
            }
        }
        // A root is scanned in git's order already, so its runs follow one another; several
        // roots may interleave, and a file system may name oddly: then sort, never drop.
        guard roots.count == 1 else { return ContentListing(sorting: entries) }
        return ContentListing(joining: runs) ?? ContentListing(sorting: runs.flatMap(\.entries))
    }

    /// The ID git's index gives the file at `path` (under the work tree's `prefix`) while its
    /// stat data `info` still matches the entry; nil for a changed or unknown file. `hint` as
    /// for `ContentListing.index(of:hint:)`.
    static func indexedID(_ path: RepositoryPath, _ info: stat, prefix: String, index: GitIndexFile?, hint: inout Int) -> ContentID? {
        guard let index, let i = index.files.index(of: path.prefixed(by: prefix), hint: &hint), matches(index.stats[i], info, writtenAt: index.writtenAt) else { return nil }
        return index.files.contentID(i)
    }

    static func matches(_ recorded: GitIndexFile.FileStat, _ info: stat, writtenAt: GitIndexFile.FileStat.Time) -> Bool {
        let (mtime, ctime) = (Platform.modificationTime(info), Platform.changeTime(info))
        let modified = GitIndexFile.FileStat.Time(seconds: UInt32(truncatingIfNeeded: mtime.seconds), nanoseconds: UInt32(truncatingIfNeeded: mtime.nanoseconds))
        let changed = GitIndexFile.FileStat.Time(seconds: UInt32(truncatingIfNeeded: ctime.seconds), nanoseconds: UInt32(truncatingIfNeeded: ctime.nanoseconds))
        return recorded.modified == modified && recorded.changed == changed && modified < writtenAt
            && recorded.size == UInt32(truncatingIfNeeded: info.st_size) && recorded.inode == UInt32(truncatingIfNeeded: info.st_ino)
    }

    static func unreadableID(_ path: RepositoryPath) -> ContentID {
        let bytes = Array("unreadable ".utf8) + path.bytes
        return [Fingerprint.of(bytes), Fingerprint.of(bytes + [1]), Fingerprint.of(bytes + [2])].withUnsafeBytes { ContentID($0) }
    }

    /// Git's blob ID of a file's bytes, read in chunks (a huge file is never held whole); nil
    /// if it vanished meanwhile.
    static func hash(_ absolute: RepositoryPath) throws -> ContentID? {
        LibGit2.ensureInitialized()
        var oid = git_oid()
        let rc = absolute.withCString { git_odb_hashfile(&oid, $0, GIT_OBJECT_BLOB) }
        if rc < 0 && absolute.withCString({ access($0, F_OK) }) != 0 { return nil }
        try LibGit2.check(rc, "\(absolute): cannot read")
        return ContentID(oid: oid)
    }
}
