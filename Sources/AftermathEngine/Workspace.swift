import Foundation
import AftermathCore
import AftermathGit

/// The engine's façade, under every front end (the CLI's commands, the language server,
/// integrations): one repository, opened where the front end starts, answering `validate`,
/// `list`, `show` and `edit`. It decides how each request reads the repository — through the
/// summary an earlier run left under `.git/aftermath/`, git's index, or whole — so no front end
/// decides that again.
///
/// What a request read is kept until the next request or until the workspace goes: a CLI
/// ends the process right after its one request, without freeing a large repository's
/// documents one by one, which costs more than printing them. `finish()` waits for what
/// requests still write (a summary, folder listings), and must be called before the process
/// ends.
public final class Workspace: @unchecked Sendable {
    package let access: RepositoryAccess
    private let lock = NSLock()
    private var pendingWrites: [() -> Void] = []
    private var kept: [Any] = []
    package private(set) lazy var editor = EditorSession(access: access)

    /// The repository around `directory`: the nearest folder upward holding `.aftermath.yml`,
    /// else the git work tree's root (DESIGN.md section 4).
    public init(directory: String = FileManager.default.currentDirectoryPath,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        access = RepositoryAccess(directory: directory, environment: environment)
    }

    /// The repository's root folder.
    public var root: String { access.root }

    /// What a validation found.
    public struct Validation: Sendable {
        /// Every diagnostic, in reporting order.
        public var diagnostics: [Diagnostic]
        /// The files read (for a range: the commits judged).
        public var fileCount: Int
    }

    /// Validates one state of the repository. `paths` (as given on a command line, relative to
    /// the folder the workspace was opened from) restricts what is reported, never what is
    /// read; one naming nothing is a usage error.
    public func validate(_ choice: SnapshotChoice, paths: [String] = [], today: Timestamp, threads: Int = 0) throws -> Validation {
        let only = paths.isEmpty ? [] : try PathArguments(workspace: access, snapshot: try access.snapshot(choice)).resolve(paths)
        let rules = try access.workingTreeRulesFirst(choice, today: today)
        // Outside git the working tree is still readable; the other states need a repository.
        if let repository = choice.isWorkingTree ? try? access.repository() : try access.repository() {
            // In git, the summary of an earlier run spares re-reading what did not change.
            let git = GitValidation(workspace: access, repository: repository, today: today, threads: threads, workingTreeRules: rules)
            let outcome = try git.validate(choice)
            keep(outcome.documents, finishing: outcome.finishWrites)
            return Validation(diagnostics: Validator.restricted(outcome.diagnostics, to: only), fileCount: outcome.fileCount)
        }
        let snapshot = try access.snapshot(choice)
        let ruleset = try rules ?? access.ruleset(from: snapshot, today: today)
        let result = try Validator(ruleset: ruleset, today: today, threads: threads).validate(snapshot, only: only)
        keep(result)
        return Validation(diagnostics: result.diagnostics, fileCount: result.fileCount)
    }

    /// Validates each commit of `BASE..TIP` by the rules of BASE: what each commit introduced,
    /// naming it. `fileCount` is the number of commits.
    public func validate(range: String, today: Timestamp, threads: Int = 0) throws -> Validation {
        if let problem = RangeCheck.syntaxProblem(range) { throw WorkspaceError.usage(problem) }
        let (diagnostics, commits) = try RangeCheck.run(range, workspace: access, today: today, threads: threads)
        return Validation(diagnostics: diagnostics, fileCount: commits)
    }

    /// The documents a review listing shows (`query`), grouped. Filters that name nothing the
    /// repository knows (an owner, a team, a postmortem, a status) are usage errors.
    public func list(_ query: ListQuery, groupBy: ListQuery.GroupKey? = nil, choice: SnapshotChoice = .workingTree, today: Timestamp) throws -> Listing {
        let (index, ruleset) = try access.listedDocuments(choice, kinds: query.kinds, openOnly: query.openOnly, today: today)
        keep(index)
        for name in [query.owner, query.team].compactMap({ $0 }) where ruleset.owners.resolve(name) == nil {
            throw WorkspaceError.usage("`\(name)` is not in the owners registry\(Suggestion.hint(ruleset.owners.suggestion(for: name)))")
        }
        if let team = query.team, case .person? = ruleset.owners.resolve(team) { throw WorkspaceError.usage("`\(team)` is a person, not a team; use --owner") }
        if let problem = ListFilterCheck.problem(query, index: index, ruleset: ruleset) { throw WorkspaceError.usage(problem) }
        if let postmortem = query.postmortem, index[postmortem]?.kind != .postmortem {
            // The listing holds only the documents it shows: whether the ID exists at all is
            // asked of the whole repository (this throws, with the closest ID, if not).
            _ = try edit(choice: choice, today: today, validating: false).document(postmortem, kind: .postmortem)
        }
        return Listing(index: index, ruleset: ruleset, query: query, groupBy: groupBy, today: today)
    }

    /// Every document of `kinds` (open ones only with `openOnly`) with the documents they link
    /// to, and the rules read with them: what the review views (a digest, the review report)
    /// show. In git they come from the summary's listed fields and the files changed since.
    public func documents(_ kinds: Set<DocumentKind>, openOnly: Bool, choice: SnapshotChoice = .workingTree,
                          today: Timestamp) throws -> (index: ListedIndex, ruleset: Ruleset) {
        let (index, ruleset) = try access.listedDocuments(choice, kinds: kinds, openOnly: openOnly, today: today)
        keep(index)
        return (index, ruleset)
    }

    /// One postmortem with its findings and remediation items, and its body's text: what an
    /// incident report shows. Through the summary, only those documents (and what changed) are read.
    public func incident(_ id: String, choice: SnapshotChoice = .workingTree, today: Timestamp) throws
        -> (postmortem: Document, body: String, index: RepositoryIndex, ruleset: Ruleset) {
        let session = try edit(choice: choice, today: today, validating: false)
        let pm = try session.document(id, kind: .postmortem)
        let bytes = try session.bytes(of: pm)
        let body = (try? DocumentFramer.frame(bytes).get()).map { String(decoding: $0.body, as: UTF8.self) } ?? ""
        return (pm, body, try session.neighbourhood(of: pm), session.ruleset)
    }

    /// The tracker states the last refresh kept in this clone (`.git/aftermath/`).
    public func keptTrackerStates() throws -> TrackerStates {
        TrackerStateStore.load(from: try access.repository())
    }

    /// Keeps `states` for the drift rules and the views, replacing what was kept.
    public func keep(_ states: TrackerStates) throws {
        try TrackerStateStore.save(states, in: try access.repository())
    }

    /// The largest `ca_bundle` read (a bundle of every public authority is a few hundred KB).
    static let largestCABundle = 4 << 20

    /// The bytes of a tracker's `ca_bundle`, a PEM file of the working tree that must lie
    /// inside the repository (the configuration never makes the tool read elsewhere).
    public func trackerCABundle(_ path: String) throws -> [UInt8] {
        let snapshot = try access.snapshot(.workingTree)
        if let problem = snapshot.confinement.problem(path) { throw WorkspaceError.io("\(path): \(problem)") }
        guard let bytes = try snapshot.read(path, upTo: Self.largestCABundle + 1) else {
            throw WorkspaceError.io("\(path): no such file in the repository")
        }
        if bytes.count > Self.largestCABundle { throw WorkspaceError.io("\(path): larger than \(Self.largestCABundle >> 20) MiB, not a CA bundle") }
        return bytes
    }

    /// What the pre-commit hook reports of the staged state: every error (the repository must
    /// stay valid), warnings only for the documents the commit touches, and what it would
    /// refuse against HEAD (rewrites of closed postmortems, status moves not allowed).
    public func preCommit(today: Timestamp) throws -> [Diagnostic] {
        let repository = try access.repository()
        let git = GitValidation(workspace: access, repository: repository, today: today, threads: 0)
        if let (diagnostics, changed) = try git.preCommit() {
            return diagnostics.filter { $0.severity == .error || changed.contains($0.path) }.sortedForReport()
        }
        let staged = access.scoped(try repository.stagedSnapshot(), in: repository)
        let ruleset = try access.ruleset(from: staged)
        // HEAD's blobs are mostly the index's: parsed once for both.
        let validator = Validator(ruleset: ruleset, today: today, cache: ParseCache())
        let after = try validator.validate(staged)
        keep(after)
        var diagnostics = after.diagnostics
        if let head = try git.headSnapshot() {
            let before = try validator.read(head)
            diagnostics += HeadTransitions(head: before.index, context: RuleContext(ruleset: ruleset, today: today)).problems(in: after.index)
            let changed = Set(after.index.documents.map(\.path).filter { staged.contentID($0) != head.contentID($0) })
            diagnostics = diagnostics.filter { $0.severity == .error || changed.contains($0.path) }
        }
        return diagnostics.sortedForReport()
    }

    /// A document's history along HEAD's first parents: its status changes with author and
    /// date. Unknown IDs are usage errors, with the closest known one.
    public func history(of id: String) throws -> DocumentHistory {
        let repository = try access.repository()
        let head = access.scoped(try repository.snapshot(ofRevision: "HEAD"), in: repository)
        let ruleset = try access.ruleset(from: head)
        var reader = HistoryReader(repository: repository, ruleset: ruleset) { self.access.scoped($0, in: repository) }
        guard let history = try reader.history(of: id) else {
            let known = try Validator(ruleset: ruleset, today: Timestamp(secondsSinceEpoch: 0)).validate(head).index.documents.map(\.id)
            throw WorkspaceError.usage("no document with ID `\(id)` in the history of HEAD\(Suggestion.hint(Suggestion.closest(to: id, among: known)))")
        }
        return history
    }

    /// When each remediation item was seen open, closed and its due dates, from git history:
    /// what the review report's time-to-close and slips are worked out from.
    public func itemTimes(_ choice: SnapshotChoice = .workingTree) throws -> ItemTimesBuilder {
        RepositoryTimeline.build(workspace: access, ruleset: try access.ruleset(from: try access.snapshot(choice)))
    }

    /// The folder git runs hooks from: `core.hooksPath` (relative to the work tree, `~`
    /// expanded), else the git directory's hooks/.
    public func hooksFolder() throws -> String {
        let repository = try access.repository()
        let gitDirectory = repository.gitDirectory.hasSuffix("/") ? String(repository.gitDirectory.dropLast()) : repository.gitDirectory
        guard let configured = repository.configString("core.hooksPath"), !configured.isEmpty else { return gitDirectory + "/hooks" }
        if configured.hasPrefix("/") { return configured }
        if configured.hasPrefix("~/") { return NSHomeDirectory() + configured.dropFirst(1) }
        let base = repository.workdir.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? gitDirectory
        return base + "/" + configured
    }

    /// The working tree with an editor's unsaved `buffers` laid over it, judged as
    /// `validate(.workingTree)` judges the working tree, with the rules that judged it and the
    /// documents for lookups (a configuration that cannot be used throws
    /// `WorkspaceError.configuration`). Successive calls re-read only what changed (see
    /// `EditorSession`); call `reloadRules()` when a rule file (the configuration, the owners
    /// file, a schema) changed and `filesChanged(_:)` when files changed on disk.
    public func validate(overlaying buffers: [RepositoryPath: [UInt8]], today: Timestamp) throws -> EditorCheck {
        lock.lock()
        defer { lock.unlock() }
        return try editor.check(buffers, today: today)
    }

    /// The rules are read again at the next `validate(overlaying:today:)`.
    public func reloadRules() {
        lock.lock()
        defer { lock.unlock() }
        editor.reloadRules()
    }

    /// Files changed on disk since the last `validate(overlaying:today:)` (repository-relative
    /// paths), as an editor reports the files it watches.
    public func filesChanged(_ paths: [RepositoryPath]) {
        lock.lock()
        defer { lock.unlock() }
        editor.filesChanged(paths)
    }

    /// One document with what it links to and what links to it.
    public func show(_ id: String, choice: SnapshotChoice = .workingTree, today: Timestamp) throws -> DocumentTree {
        let session = try edit(choice: choice, today: today, validating: false)
        let document = try session.document(id)
        return DocumentTree(document, index: try session.neighbourhood(of: document), ruleset: session.ruleset, today: today)
    }

    /// A session for changing documents (`set`, `close`, `new`) or reading one with its
    /// neighbours: through the summary where one applies, else the repository read whole
    /// (which leaves a summary for the next request).
    package func edit(choice: SnapshotChoice = .workingTree, today: Timestamp, validating: Bool = true) throws -> EditSession {
        try EditSession(snapshot: choice, today: today, validating: validating, throughSummary: true, access: access)
    }

    /// Waits for what the workspace's requests still write. Call it before the process ends;
    /// the workspace may be used again afterwards.
    public func finish() {
        lock.lock()
        let writes = pendingWrites
        pendingWrites = []
        lock.unlock()
        for write in writes { write() }
    }

    /// Keeps what the latest request read (releasing the one before), and what it still writes.
    private func keep(_ value: Any?, finishing write: (() -> Void)? = nil) {
        lock.lock()
        let released = kept
        kept = value.map { [$0] } ?? []
        if let write { pendingWrites.append(write) }
        lock.unlock()
        withExtendedLifetime(released) {}
    }
}

extension Workspace {
    /// An evidence pack from one commit (`request.rev`): its facts, files and what its manifest
    /// records. Refused while documents have uncommitted changes, unless `allowDirty`.
    public func audit(_ request: AuditRequest) throws -> AuditOutcome {
        try AuditRun(access: access).make(request)
    }

    /// Writes a pack's files and its manifest into `folder`, all at once.
    public func writeAudit(_ outcome: AuditOutcome, manifest: AuditManifest, to folder: String, replacing: Bool) throws {
        let target = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        let root = URL(fileURLWithPath: access.root).standardizedFileURL.resolvingSymlinksInPath().path
        for documents in outcome.roots.map({ root + "/" + $0 }) where target == documents || target.hasPrefix(documents + "/") {
            throw WorkspaceError.usage("\(folder) is under the document root \(documents.dropFirst(root.count + 1))/, where its Markdown files would be read as documents; make the pack elsewhere")
        }
        try AuditPackFolder.write(outcome.pack.files + [(AuditPack.manifestName, Array(manifest.rendered().utf8))], to: folder, replacing: replacing)
    }

    /// Makes the pack in `folder` again from the commit its manifest names and compares.
    public func verifyAudit(folder: String) throws -> AuditVerification {
        try AuditRun(access: access).verify(folder: folder)
    }
}
