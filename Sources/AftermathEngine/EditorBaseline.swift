import AftermathCore
import AftermathGit

/// What an editor session checks from: the summary of the working tree, how the files on disk
/// differ from it, and HEAD as a change from it (kept until HEAD moves).
final class EditorBaseline {
    let ruleset: Ruleset
    private let access: RepositoryAccess
    private let repository: GitRepository
    private let summary: SummaryFile
    /// The working tree's documents as changes from the summary's state.
    private var disk: SnapshotDelta
    private var head: (commit: GitObjectID, delta: SnapshotDelta)?
    private let listed: ListedSummary
    private let filter: DocumentPathFilter

    private init(access: RepositoryAccess, repository: GitRepository, ruleset: Ruleset, summary: SummaryFile, disk: SnapshotDelta) {
        self.access = access
        self.repository = repository
        self.ruleset = ruleset
        self.summary = summary
        self.disk = disk
        listed = ListedSummary(summary, ruleset: ruleset)
        maxAffected = IncrementalValidator.defaultLimit(documents: summary.documentCount)
        filter = DocumentPathFilter(roots: ruleset.configuration.roots)
    }

    /// The baseline for `ruleset`: the summary there, else one made now, in memory, by
    /// validating the working tree in full; nil when the working tree's own rules are not
    /// `ruleset` (a rule file's buffer differs from the disk). Nothing is written: the working
    /// tree is walked without keeping its folder listings, and a summary made here stays in memory.
    /// - Parameter renewing: whether to make a new summary even if one applies.
    static func make(access: RepositoryAccess, repository: GitRepository, ruleset: Ruleset, today: Timestamp,
                     renewing: Bool = false) throws -> EditorBaseline? {
        let listing = WorkingTreeListing(files: WorkingTreeSnapshot(root: access.root), roots: ruleset.configuration.roots,
                                         folder: access.subfolder(in: repository), index: repository.indexPath.flatMap(GitIndexFile.read),
                                         repository: repository)
        var summary = renewing ? nil : SummaryStore.load(from: repository).flatMap { $0.rulesetFingerprint == ruleset.fingerprint ? $0 : nil }
        if summary == nil {
            guard try access.ruleset(from: WorkingTreeSnapshot(root: access.root), today: today).fingerprint == ruleset.fingerprint else { return nil }
            let snapshot = try listing.snapshot()
            // The summary's IDs and link tables are worked out while the repository rules run.
            let (result, prepared) = try Validator(ruleset: ruleset, today: today).validate(snapshot) { paths, documents in
                SummaryStore.prepare(paths: paths, documents: documents, snapshot: snapshot)
            }
            summary = SummaryStore.inMemory(prepared, diagnostics: result.allDiagnostics, ruleset: ruleset, threads: 0)
        }
        guard let summary else { return nil }
        let disk = SnapshotDelta.between(summary, and: try listing.listing())
        return EditorBaseline(access: access, repository: repository, ruleset: ruleset, summary: summary, disk: disk)
    }

    /// Whether the files on disk differ from the summary in more documents than a check
    /// through it re-reads.
    var isFarBehind: Bool { disk.changes.count > maxAffected }

    /// Past this many documents to re-read, a check reads the repository whole.
    var maxAffected: Int

    /// Takes the files at `paths` as they are on disk now.
    func refresh(_ paths: [RepositoryPath]) {
        let files = WorkingTreeSnapshot(root: access.root)
        for path in paths where filter.matches(path) {
            let id = (try? files.read(path, upTo: .max)).flatMap { $0.flatMap { try? GitRepository.blobID(of: $0) } }
            disk.changes[path] = summary.index(of: path).map { summary.contentID($0) } == id ? nil : .some(id)
        }
    }

    /// The working tree with `buffers` laid over it, from the summary; nil when the changes
    /// reach too much of the repository (the caller then reads it whole).
    func check(_ buffers: [RepositoryPath: [UInt8]], today: Timestamp) throws -> EditorCheck? {
        // The buffers as further changes, read from memory.
        var delta = disk
        var versions: [RepositoryPath: (id: ContentID, bytes: [UInt8])] = [:]
        for (path, bytes) in buffers where filter.matches(path) {
            let id = try GitRepository.blobID(of: bytes)
            versions[path] = (id, bytes)
            delta.changes[path] = summary.index(of: path).map { summary.contentID($0) } == id ? nil : .some(id)
        }
        let files = WorkingTreeSnapshot(root: access.root)
        let limit = ruleset.configuration.limits.maxFileBytes + 1
        let buffered = versions
        let validator = IncrementalValidator(summary: summary, ruleset: ruleset, today: today, maxAffected: maxAffected) { path, id in
            if let version = buffered[path], version.id == id { return version.bytes }
            return try files.read(path, upTo: limit)
        }
        let git = GitValidation(workspace: access, repository: repository, today: today, threads: 0, workingTreeRules: ruleset)
        let commit = try git.headCommit()
        if let commit, head?.commit != commit {
            head = try git.headDelta(from: validator).map { (commit, $0) }
        } else if commit == nil {
            head = nil
        }
        var state: IncrementalValidator.State
        var diagnostics: [Diagnostic]
        if let head = head?.delta, head != delta {
            guard let states = try git.reading(head: head, beside: delta, validator).validate([delta, head]) else { return nil }
            state = states[0]
            let problems = HeadTransitions(head: states[1].index, context: RuleContext(ruleset: ruleset, today: today)).problems(in: state.index)
            diagnostics = GitValidation.adding(problems, as: .warning, to: state.diagnostics)
        } else {
            guard let only = try validator.validate([delta])?.first else { return nil }
            state = only
            diagnostics = state.diagnostics
        }
        let index = EditorIndex(.init(validator: validator, delta: delta, state: state, filter: filter, listed: listed))
        return EditorCheck(diagnostics: diagnostics, ruleset: ruleset, fileCount: state.fileCount, index: index, throughSummary: true)
    }
}
