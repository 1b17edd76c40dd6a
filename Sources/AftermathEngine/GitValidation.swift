import AftermathCore
import AftermathGit

/// Validation in a git repository — the working tree, the index, a commit, a range, the
/// pre-commit hook — through the summary an earlier full run left under `.git/aftermath/`:
/// when it applies, only what changed since is re-read, with the same result; otherwise the
/// state is validated in full, which leaves a fresh summary.
package struct GitValidation {
    package let workspace: RepositoryAccess
    package let repository: GitRepository
    package let today: Timestamp
    package let threads: Int
    /// The working tree's rules, when the caller read them already (see
    /// `RepositoryAccess.workingTreeRulesFirst`).
    package var workingTreeRules: Ruleset? = nil

    package init(workspace: RepositoryAccess, repository: GitRepository, today: Timestamp, threads: Int, workingTreeRules: Ruleset? = nil) {
        self.workspace = workspace
        self.repository = repository
        self.today = today
        self.threads = threads
        self.workingTreeRules = workingTreeRules
    }

    package struct Outcome {
        /// Every diagnostic, in reporting order.
        package var diagnostics: [Diagnostic]
        package var fileCount: Int
        /// What the run read (a whole repository's documents after a full run, the snapshot
        /// with its repository handles, the summary's inputs): the caller keeps it until
        /// `Console.finish` ends the process, since freeing it costs more than printing.
        package var documents: Any? = nil
        /// The summary a full run leaves, being written while the caller prints: `finishWrites`
        /// must be called before the process ends.
        package var saving: Background<Bool>? = nil

        /// Waits for what the run still writes.
        package func finishWrites() { _ = saving?.value() }
    }

    private var folder: String { workspace.subfolder(in: repository) }

    /// One state to read, as the summary sees it.
    package struct State {
        package var ruleset: Ruleset
        /// The documents' changes since the summary's state.
        package var delta: (SummaryFile) throws -> SnapshotDelta?
        /// The state as a snapshot, for reading it whole.
        package var snapshot: () throws -> Snapshot
        /// How versions are read (nil: blobs by ID).
        package var read: (@Sendable (RepositoryPath, ContentID) throws -> [UInt8]?)?
        /// The tree the state is, if it is one.
        package var tree: ContentID?
        /// Waits for what reading the state still writes (the working tree's folder listings);
        /// called before the process ends.
        package var finishWrites: () -> Void = {}
    }

    package func state(_ choice: SnapshotChoice) throws -> State {
        switch choice {
        case .staged:
            let raw = try repository.fastStagedSnapshot()
            let snapshot = workspace.scoped(raw, in: repository)
            let ruleset = try workspace.ruleset(from: snapshot, today: today)
            let folder = self.folder
            let index = (raw as? GitIndexSnapshot)?.index
            return State(ruleset: ruleset, delta: { summary in
                index.map { SnapshotDelta.between(summary, and: $0.documents(under: folder, matching: DocumentPathFilter(roots: ruleset.configuration.roots))) }
            }, snapshot: { snapshot }, read: nil, tree: nil)
        case .workingTree:
            // Documents identified through the index (`WorkingTreeListing`); unchanged files have
            // the content the summary's records name, so every version needed is the file itself.
            let memory = SummaryStore.folderMemory(in: repository, root: workspace.root)
            let files = WorkingTreeSnapshot(root: workspace.root, memory: memory)
            let ruleset = try workingTreeRules ?? workspace.ruleset(from: files, today: today)
            let listed = WorkingTreeListing(files: files, roots: ruleset.configuration.roots, folder: folder,
                                            index: repository.indexPath.flatMap(GitIndexFile.read), repository: repository)
            let limit = ruleset.configuration.limits.maxFileBytes + 1
            return State(ruleset: ruleset, delta: { SnapshotDelta.between($0, and: try listed.listing()) },
                         snapshot: { try listed.snapshot() },
                         read: { path, _ in try files.read(path, upTo: limit) }, tree: nil, finishWrites: listed.finishWrites)
        case .revision(let revision):
            let commit = try repository.resolveCommit(revision)
            let tree = try repository.treeID(ofCommit: commit)
            let label = "\(revision) (\(commit.short))"
            let ruleset = try workspace.ruleset(from: workspace.scoped(try GitTreeLookupSnapshot(tree: tree, label: label, repository: repository), in: repository), today: today)
            return State(ruleset: ruleset, delta: { try self.delta(from: $0, toTree: tree, ruleset) },
                         snapshot: { workspace.scoped(try repository.snapshot(ofCommit: commit, label: label), in: repository) },
                         read: nil, tree: tree)
        }
    }

    /// Validates `choice`; the caller calls `finishWrites()` on the outcome before the process
    /// ends (a full run's summary is written meanwhile).
    /// The working tree and the index are also judged against HEAD as the pre-commit hook
    /// judges a commit (`HeadTransitions`): what it would refuse is a warning in the working
    /// tree, not yet staged, and an error in the index.
    package func validate(_ choice: SnapshotChoice) throws -> Outcome {
        let state = try self.state(choice)
        defer { state.finishWrites() }
        let againstHead = Self.headSeverity(choice)
        if let incremental = try incrementalValidator(state.ruleset, read: state.read), let delta = try state.delta(incremental.summary) {
            if let severity = againstHead, let head = try head(from: incremental, beside: delta), head.delta != delta {
                if let states = try head.validator.validate([delta, head.delta]) {
                    let problems = HeadTransitions(head: states[1].index, context: RuleContext(ruleset: state.ruleset, today: today))
                        .problems(in: states[0].index)
                    return Outcome(diagnostics: Self.adding(problems, as: severity, to: states[0].diagnostics), fileCount: states[0].fileCount)
                }
            } else if let result = try incremental.validate([delta])?.first {
                return Outcome(diagnostics: result.diagnostics, fileCount: result.fileCount)
            }
        }
        let run = try full(try state.snapshot(), ruleset: state.ruleset, tree: state.tree)
        var outcome = run.outcome
        if let severity = againstHead {
            outcome.diagnostics = Self.adding(try headProblems(after: run, state), as: severity, to: outcome.diagnostics)
        }
        return outcome
    }

    /// What became of a full run meant to leave a summary.
    package enum LeftSummary {
        /// Summaries are off (`AFTERMATH_NO_CACHE`): nothing ran.
        case off
        /// The summary is there for this command and the next; the state it was made of, to
        /// read through it without listing the state again (`summarised(_:)`).
        case left(State)
        /// None could be written (a read-only `.git`): the run's result, with its index, to
        /// use instead of reading everything again.
        case unwritten(ValidationResult, Ruleset)
    }

    /// A full validation of `choice`, for commands that found no summary to start from: it
    /// leaves one, for them and the next.
    package func leaveSummary(_ choice: SnapshotChoice) throws -> LeftSummary {
        guard !SummaryStore.disabled else { return .off }
        let state = try self.state(choice)
        defer { state.finishWrites() }
        let run = try full(try state.snapshot(), ruleset: state.ruleset, tree: state.tree)
        guard !run.saved else {
            // What it read is freed: kept, it would stand beside what reading through the
            // summary holds, and raise the peak.
            return .left(state)
        }
        var result = run.result
        result.index = RepositoryIndex(run.documents)
        return .unwritten(result, state.ruleset)
    }

    /// A state through the summary, for edits: the engine (reading as the state does), the
    /// state's delta and what validating it found. Nil when no summary applies or the state
    /// reaches too much.
    package func summarised(_ choice: SnapshotChoice) throws -> (validator: IncrementalValidator, delta: SnapshotDelta, state: IncrementalValidator.State)? {
        try summarised(try self.state(choice))
    }

    package func summarised(_ state: State) throws -> (validator: IncrementalValidator, delta: SnapshotDelta, state: IncrementalValidator.State)? {
        defer { state.finishWrites() }
        guard let incremental = try incrementalValidator(state.ruleset, read: state.read),
              let delta = try state.delta(incremental.summary), let result = try incremental.validate([delta])?.first else { return nil }
        return (incremental, delta, result)
    }

    /// The documents a listing needs: from the summary and the changed files when it applies
    /// (it holds every document's listed fields), else read whole — by a full validation,
    /// which leaves a summary, so that only the first listing in a clone reads everything.
    package func documentsForListing(_ choice: SnapshotChoice, kinds: Set<DocumentKind>, openOnly: Bool) throws -> (ListedIndex, Ruleset) {
        let state = try self.state(choice)
        defer { state.finishWrites() }
        if let incremental = try incrementalValidator(state.ruleset, read: state.read), let delta = try state.delta(incremental.summary),
           let index = try SummaryView.index(incremental.summary, delta: delta, kinds: kinds, openOnly: openOnly, ruleset: state.ruleset,
                                             threads: threads, read: incremental.read) {
            return (index, state.ruleset)
        }
        guard !SummaryStore.disabled else {
            return (ListedIndex(listing: try Validator(ruleset: state.ruleset, today: today, threads: threads).read(try state.snapshot()).index), state.ruleset)
        }
        let run = try full(try state.snapshot(), ruleset: state.ruleset, tree: state.tree)
        _ = run.saved  // written before the listing ends the process
        return (ListedIndex(run.documents.map(ListedDocument.init)), state.ruleset)
    }

    /// What the pre-commit hook reports: the staged state's diagnostics and the transition
    /// problems from HEAD to it, or nil when the repository has no commit or the index cannot
    /// be read directly (the hook then validates the slow way).
    package func preCommit() throws -> (diagnostics: [Diagnostic], changed: Set<RepositoryPath>)? {
        guard let head = try headCommit() else { return nil }
        let staged = try state(.staged)
        let ruleset = staged.ruleset
        let headTree = try repository.treeID(ofCommit: head)
        var incremental = try incrementalValidator(ruleset)
        if incremental?.summary.tree == nil {
            // Summarise HEAD once (under the rules being committed), so this commit and the
            // next ones re-read only what they change; a summary naming its tree is compared
            // with HEAD by a tree diff instead of a listing of every file.
            _ = try full(workspace.scoped(try repository.snapshot(ofCommit: head, label: "HEAD (\(head.short))"), in: repository),
                         ruleset: ruleset, tree: headTree).saved
            incremental = try incrementalValidator(ruleset)
        }
        guard let incremental, let after = try staged.delta(incremental.summary) else { return nil }
        let before = try delta(from: incremental.summary, toTree: headTree, ruleset)
        guard let states = try incremental.validate([before, after]) else { return nil }
        let transitions = HeadTransitions(head: states[0].index, context: RuleContext(ruleset: ruleset, today: today)).problems(in: states[1].index)
        return ((states[1].diagnostics + transitions).sortedForReport(), incremental.changedPaths(from: before, to: after))
    }

    /// What each commit of a range introduced (see `RangeValidation`), judged by `ruleset` (the
    /// trusted one) from a summary made under it — the one there, or one made from `base` —
    /// each commit and its parents re-read only where they differ from it. Nil when the
    /// summary is off or the commits reach too much: the caller validates each commit in full.
    package func range(_ commits: [GitObjectID], base: GitObjectID, ruleset: Ruleset) throws -> [Diagnostic]? {
        guard !SummaryStore.disabled else { return nil }
        var incremental = try incrementalValidator(ruleset)
        if incremental?.summary.tree == nil {
            // As for the pre-commit hook: a summary naming its tree is compared with each commit
            // by a tree diff instead of a listing of every file.
            let snapshot = workspace.scoped(try repository.snapshot(ofCommit: base), in: repository)
            _ = try full(snapshot, ruleset: ruleset, tree: try repository.treeID(ofCommit: base)).saved
            incremental = try incrementalValidator(ruleset)
        }
        guard let incremental else { return nil }
        let context = RuleContext(ruleset: ruleset, today: today)
        var reported: [Diagnostic] = []
        for commit in commits {
            let parents = try repository.commitInfo(commit).parents
            let deltas = try (parents + [commit]).map { try delta(from: incremental.summary, toTree: try repository.treeID(ofCommit: $0), ruleset) }
            guard let states = try incremental.validate(deltas), let current = states.last else { return nil }
            let introduced = RangeValidation.introduced(by: (current.diagnostics, current.index),
                                                        over: states.dropLast().map { ($0.diagnostics, $0.index) }, context: context)
            reported += introduced.map { var d = $0; d.commit = commit.hex; return d }
        }
        return reported
    }

    // MARK: HEAD

    /// HEAD, which the pre-commit hook judges a commit against; nil in a repository without
    /// commits, where there is nothing to judge against.
    package func headCommit() throws -> GitObjectID? {
        repository.isEmpty || repository.isHeadUnborn ? nil : try repository.resolveCommit("HEAD")
    }

    /// HEAD whole, for judging against it without a summary.
    package func headSnapshot() throws -> Snapshot? {
        guard let head = try headCommit() else { return nil }
        return workspace.scoped(try repository.snapshot(ofCommit: head, label: "HEAD (\(head.short))"), in: repository)
    }

    /// HEAD as a change from the summary's state, and `incremental` reading HEAD's versions
    /// too: the state's own (`state`, a working tree's from its files) as before, every other
    /// from git. Nil without HEAD.
    package func head(from incremental: IncrementalValidator, beside state: SnapshotDelta) throws -> (delta: SnapshotDelta, validator: IncrementalValidator)? {
        guard let commit = try headCommit() else { return nil }
        let tree = try repository.treeID(ofCommit: commit)
        let head: SnapshotDelta
        // A tree diff has no summary tree to start from here, and a walk of every tree costs more
        // than what git's index caches of them.
        if incremental.summary.tree == nil, let listing = try indexAssistedListing(ofTree: tree, incremental.ruleset) {
            head = SnapshotDelta.between(incremental.summary, and: listing)
        } else {
            head = try delta(from: incremental.summary, toTree: tree, incremental.ruleset)
        }
        let limit = incremental.ruleset.configuration.limits.maxFileBytes + 1
        let blobs = try GitBlobReader(repository)
        let read = incremental.read
        return (head, incremental.reading { path, id in
            // A path the state left as the summary recorded it holds the recorded version.
            let isStates = state.changes[path].map { $0 == id } ?? (head.changes[path] != id)
            return isStates ? try read(path, id) : try blobs.read(id, upTo: limit)
        })
    }

    /// What `validate` reports against HEAD, by snapshot (nil: not judged against HEAD).
    private static func headSeverity(_ choice: SnapshotChoice) -> Severity? {
        switch choice {
        case .workingTree: return .warning
        case .staged: return .error
        case .revision: return nil
        }
    }

    /// `diagnostics` with `problems` found against HEAD, at `severity`, in reporting order.
    package static func adding(_ problems: [Diagnostic], as severity: Severity, to diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !problems.isEmpty else { return diagnostics }
        return (diagnostics + problems.map { var d = $0; d.severity = severity; return d }).sortedForReport()
    }

    /// The state a full run read, against HEAD: through the summary the run left, else with
    /// HEAD read whole.
    private func headProblems(after run: FullRun, _ state: State) throws -> [Diagnostic] {
        let context = RuleContext(ruleset: state.ruleset, today: today)
        // Documents that are HEAD's own (the usual state after a commit or a checkout) have
        // nothing to answer for against HEAD: seen from the content IDs the run worked out for
        // its summary and HEAD's listing, without waiting for the summary or reading HEAD.
        if let entries = run.prepared?.entries, try isHeadsOwn(entries, ruleset: state.ruleset) { return [] }
        if run.saved, let incremental = try incrementalValidator(state.ruleset, read: state.read),
           let delta = try state.delta(incremental.summary), let head = try head(from: incremental, beside: delta) {
            guard head.delta != delta else { return [] }
            if let states = try head.validator.validate([delta, head.delta]) {
                return HeadTransitions(head: states[1].index, context: context).problems(in: states[0].index)
            }
        }
        guard let head = try headSnapshot() else { return [] }
        let before = try Validator(ruleset: state.ruleset, today: today, threads: threads).read(head)
        return HeadTransitions(head: before.index, context: context).problems(in: RepositoryIndex(run.documents))
    }

    /// Whether `entries` (every document's path and content ID, in path order) are exactly
    /// HEAD's documents.
    private func isHeadsOwn(_ entries: [SummaryBuilder.Entry], ruleset: Ruleset) throws -> Bool {
        guard let commit = try headCommit() else { return false }
        let tree = try repository.treeID(ofCommit: commit)
        let head = try indexAssistedListing(ofTree: tree, ruleset)
            ?? repository.listing(ofTree: tree, under: folder, matching: filter(ruleset).matches)
        guard head.count == entries.count else { return false }
        for i in entries.indices where head.contentID(i) != entries[i].contentID || head.path(i) != entries[i].path { return false }
        return true
    }

    /// `tree`'s documents listed with the trees git's index caches (all of HEAD's after a
    /// commit), only the others read; nil when the index caches none. What the index records is
    /// used, so it must be git's (its checksum verified).
    private func indexAssistedListing(ofTree tree: ContentID, _ ruleset: Ruleset) throws -> ContentListing? {
        guard let index = repository.indexPath.flatMap(GitIndexFile.readVerified), !index.cachedTrees.isEmpty else { return nil }
        return try repository.listing(ofTree: tree, under: folder, matching: filter(ruleset), index: index)
    }

    // MARK: Pieces

    private func filter(_ ruleset: Ruleset) -> DocumentPathFilter { DocumentPathFilter(roots: ruleset.configuration.roots) }

    /// - Parameter read: how versions are read (nil: blobs by ID).
    private func incrementalValidator(_ ruleset: Ruleset, read: (@Sendable (RepositoryPath, ContentID) throws -> [UInt8]?)? = nil) throws -> IncrementalValidator? {
        guard let summary = SummaryStore.load(from: repository) else { return nil }
        let limit = ruleset.configuration.limits.maxFileBytes + 1
        let reader = try GitBlobReader(repository)
        let validator = IncrementalValidator(summary: summary, ruleset: ruleset, today: today, threads: threads,
                                             read: read ?? { _, id in try reader.read(id, upTo: limit) })
        return validator.isApplicable ? validator : nil
    }

    /// From the summary's state to a tree: a tree diff when the summary names its tree (and
    /// the tree is still there), else a listing of the tree merged with the summary.
    private func delta(from summary: SummaryFile, toTree tree: ContentID, _ ruleset: Ruleset) throws -> SnapshotDelta {
        if let base = summary.tree, let delta = try? repository.delta(fromTree: base, toTree: tree, under: folder, matching: filter(ruleset)) {
            return delta
        }
        let filter = self.filter(ruleset)
        return SnapshotDelta.between(summary, and: try repository.listing(ofTree: tree, under: folder, matching: filter.matches))
    }

    /// A full run over a state, which leaves its summary.
    private struct FullRun {
        var outcome: Outcome
        /// Its index emptied: the lookup tables go before the summary's are built (peak memory).
        var result: ValidationResult
        /// Every document read, sorted by path.
        var documents: [Document]
        /// The summary being written.
        var saving: Background<Bool>
        /// Every document's path and content ID, as the summary records them.
        var prepared: SummaryStore.Prepared?
        /// Whether the summary was written (once it is).
        var saved: Bool { saving.value() }
    }

    /// Validates `snapshot` whole and leaves its summary.
    private func full(_ snapshot: Snapshot, ruleset: Ruleset, tree: ContentID?) throws -> FullRun {
        // The summary's IDs and link tables are worked out while the repository rules run.
        var result: ValidationResult
        let prepared: SummaryStore.Prepared?
        (result, prepared) = try Validator(ruleset: ruleset, today: today, threads: threads).validate(snapshot) { paths, documents in
            SummaryStore.prepare(paths: paths, documents: documents, snapshot: snapshot)
        }
        let documents = result.index.documents
        // Written while the caller prints what the run found (both partly on one core): a
        // caller that needs the summary, or ends the process, waits for it.
        let (diagnostics, repository, threads) = (result.allDiagnostics, repository, threads)
        let saving = Background {
            SummaryStore.save(prepared, diagnostics: diagnostics, ruleset: ruleset, tree: tree, repository: repository, threads: threads)
        }
        // The only reference to the index's lookup tables: they are freed here, in the first
        // milliseconds of the summary's build (long before the build's peak, so the run's peak
        // stays as low as when they were freed before it).
        result.index = RepositoryIndex([])
        let outcome = Outcome(diagnostics: diagnostics, fileCount: result.fileCount, documents: (documents, snapshot, prepared), saving: saving)
        return FullRun(outcome: outcome, result: result, documents: documents, saving: saving, prepared: prepared)
    }
}
