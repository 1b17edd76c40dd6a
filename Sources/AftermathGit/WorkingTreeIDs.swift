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
/// the same) is not seen here either.
public enum WorkingTreeIDs {
    /// The documents of the working tree with their content IDs, sorted by path bytes.
    /// - Parameters:
    ///   - files: the working tree at the Aftermath root.
    ///   - folder: that root relative to the git work tree ("" when they are the same).
    public static func listing(_ files: WorkingTreeSnapshot, roots: [String], folder: String, index: GitIndexFile?) throws -> ContentListing {
        let prefix = folder.isEmpty ? "" : folder + "/"
        let filter = DocumentPathFilter(roots: roots)
        var identified: [[(String, ContentID)]] = []
        var seen = Set<String>()
        for root in roots {
            // Files are identified by the threads that find them, a folder's files at a time (a
            // run of lookups in order, each starting where the last ended).
            let found = try files.scanRuns(under: root) { run in
                var hint = 0
                return try run.compactMap { path, info -> (String, ContentID)? in
                    guard filter.matches(path) else { return nil }
                    if let index, let i = index.files.index(of: prefix + path, hint: &hint), matches(index.stats[i], info, writtenAt: index.writtenAt) {
                        return (path, index.files.contentID(i))
                    } else if let id = try hash(files.root + "/" + path) {
                        return (path, id)
                    } else if path.unicodeScalars.contains("\u{FFFD}") {
                        // A name that is not valid UTF-8 cannot be opened by its decoded name; it
                        // stays listed (under an ID of its name) so every run reports it the same way.
                        return (path, unreadableID(path))
                    }
                    return nil
                }
            }
            // Roots may nest; each document counts once.
            identified += roots.count == 1 ? found : [found.joined().filter { seen.insert($0.0).inserted }]
        }
        // A root is scanned in git's order already, so appending in turn is the rule; several
        // roots may interleave, and a file system may name oddly: then sort, never drop. The
        // runs are read where they are, never joined into one array (a copy of 100,000 paths).
        guard roots.count == 1 else { return ContentListing(sorting: Array(identified.joined())) }
        var count = 0, pathBytes = 0
        for run in identified {
            count += run.count
            for (path, _) in run { pathBytes += path.utf8.count }
        }
        var listing = ContentListing(reserving: count, pathBytes: pathBytes)
        for run in identified {
            for (path, id) in run {
                var path = path
                guard path.withUTF8({ listing.append(path: UnsafeRawBufferPointer($0), id: id) }) else {
                    return ContentListing(sorting: Array(identified.joined()))
                }
            }
        }
        return listing
    }

    static func matches(_ recorded: GitIndexFile.FileStat, _ info: stat, writtenAt: GitIndexFile.FileStat.Time) -> Bool {
        let modified = GitIndexFile.FileStat.Time(seconds: UInt32(truncatingIfNeeded: info.st_mtim.tv_sec), nanoseconds: UInt32(truncatingIfNeeded: info.st_mtim.tv_nsec))
        let changed = GitIndexFile.FileStat.Time(seconds: UInt32(truncatingIfNeeded: info.st_ctim.tv_sec), nanoseconds: UInt32(truncatingIfNeeded: info.st_ctim.tv_nsec))
        return recorded.modified == modified && recorded.changed == changed && modified < writtenAt
            && recorded.size == UInt32(truncatingIfNeeded: info.st_size) && recorded.inode == UInt32(truncatingIfNeeded: info.st_ino)
    }

    static func unreadableID(_ path: String) -> ContentID {
        let bytes = Array("unreadable \(path)".utf8)
        return [Fingerprint.of(bytes), Fingerprint.of(bytes + [1]), Fingerprint.of(bytes + [2])].withUnsafeBytes { ContentID($0) }
    }

    /// Git's blob ID of a file's bytes, read in chunks (a huge file is never held whole); nil
    /// if it vanished meanwhile.
    static func hash(_ absolute: String) throws -> ContentID? {
        var oid = git_oid()
        let rc = git_odb_hashfile(&oid, absolute, GIT_OBJECT_BLOB)
        if rc < 0 && access(absolute, F_OK) != 0 { return nil }
        try LibGit2.check(rc, "\(absolute): cannot read")
        return ContentID(oid: oid)
    }
}
