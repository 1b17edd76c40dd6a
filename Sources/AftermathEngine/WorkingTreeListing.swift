import AftermathCore
import AftermathGit

/// The working tree's documents for one command, listed once, as the command first needs
/// them: examined file by file (`WorkingTreeIDs`) to be compared with a summary, or, for a
/// command that validates in full and so reads every document anyway, listed without
/// examining each file and identified as they are read (`ReadIdentifiedSnapshot`). Either
/// listing then serves both needs.
package final class WorkingTreeListing {
    /// The working tree at the Aftermath root.
    package let files: WorkingTreeSnapshot
    private let roots: [String]
    /// That root relative to the git work tree.
    private let folder: String
    /// Git's index, until the documents are listed (large in a big repository: not kept longer).
    private var index: GitIndexFile?
    private let repository: GitRepository
    private var examined: ContentListing?
    private var readIdentified: ReadIdentifiedSnapshot?
    /// The folder listings a walk left, being written.
    private var keeping: Background<Void>?

    package init(files: WorkingTreeSnapshot, roots: [String], folder: String, index: GitIndexFile?, repository: GitRepository) {
        self.files = files
        self.roots = roots
        self.folder = folder
        self.index = index
        self.repository = repository
    }

    /// The documents with their IDs, to compare with a summary.
    package func listing() throws -> ContentListing {
        if let examined { return examined }
        if let readIdentified { return readIdentified.listing }
        let listing = try walk(files)
        examined = listing
        index = nil
        return listing
    }

    /// The documents to read whole.
    package func snapshot() throws -> Snapshot {
        if let examined { return IdentifiedSnapshot(base: files, listing: examined) }
        if let readIdentified { return readIdentified }
        let walking = WorkingTreeSnapshot(root: files.root, memory: files.memory, examinesFiles: false)
        let snapshot = ReadIdentifiedSnapshot(base: walking, listing: try walk(walking), folder: folder, index: index)
        readIdentified = snapshot
        index = nil  // the snapshot holds it while it identifies documents
        return snapshot
    }

    /// Waits for what the walk still writes; called before the process ends.
    package func finishWrites() { keeping?.value() }

    /// A walk, its folder listings kept for the next: written on another thread while the
    /// documents are read, so that writing them adds nothing to the run's time.
    private func walk(_ files: WorkingTreeSnapshot) throws -> ContentListing {
        let listing = try WorkingTreeIDs.listing(files, roots: roots, folder: folder, index: index)
        let (memory, root, repository) = (files.memory, files.root, repository)
        keeping = Background { SummaryStore.keep(memory, root: root, in: repository) }
        return listing
    }
}
