import Dispatch

/// Validates states of the repository that differ a little from the state a summary
/// describes, with the same result as validating them in full, by re-reading only what the
/// changes can reach.
///
/// Every rule relates documents only through their keys (`Document.keys`) and references
/// (`Document.references`), so a change can alter diagnostics only inside the summary's
/// components it touches — those of the changed documents' old versions, of the keys their
/// new versions have, and of the documents referring to their old or new IDs. Those
/// components are re-read and re-checked whole, with the components they refer to read
/// alongside so references resolve, and every other document keeps the diagnostics the
/// summary recorded. The one repository-wide input, the list of IDs that
/// "did you mean" draws from, is supplied whole (`IDDirectory`), and documents with a
/// broken link are re-checked whenever the set of IDs changes.
public struct IncrementalValidator: Sendable {
    public let summary: SummaryFile
    public let ruleset: Ruleset
    public let today: Timestamp
    public var threads: Int
    /// Past this many documents to re-read, the caller is better off validating in full,
    /// which also leaves a fresh summary (`defaultLimit`).
    public var maxAffected: Int
    /// Reads one version of a document by path and content ID (from several threads).
    public let read: @Sendable (RepositoryPath, ContentID) throws -> [UInt8]?

    public init(summary: SummaryFile, ruleset: Ruleset, today: Timestamp, threads: Int = 0, maxAffected: Int? = nil,
                read: @escaping @Sendable (RepositoryPath, ContentID) throws -> [UInt8]?) {
        self.summary = summary
        self.ruleset = ruleset
        self.today = today
        self.threads = threads
        self.maxAffected = maxAffected ?? Self.defaultLimit(documents: summary.documentCount)
        self.read = read
    }

    /// A tenth of the repository, and never less than 2,000 documents: re-reading that many
    /// is still quick, and a summary that far behind is worth refreshing.
    public static func defaultLimit(documents: Int) -> Int { max(2_000, documents / 10) }

    /// Whether the summary was made under these rules (on any day: the one rule depending on
    /// the date is judged again from what the summary keeps of it).
    public var isApplicable: Bool { summary.rulesetFingerprint == ruleset.fingerprint }

    /// One validated state.
    public struct State: Sendable {
        /// Every diagnostic of the state, in reporting order: exactly what a full run reports.
        public var diagnostics: [Diagnostic]
        public var fileCount: Int
        /// The re-read documents only (the components the changes reach, and those they refer
        /// to), for transition checks.
        public var index: RepositoryIndex
    }

    /// Validates each state (the summary's state plus one delta). Nil when the summary does not
    /// apply, the changes reach too much of the repository, or a stored record does not decode:
    /// the caller then validates in full.
    public func validate(_ deltas: [SnapshotDelta]) throws -> [State]? {
        guard isApplicable else { return nil }
        let context = RuleContext(ruleset: ruleset, today: today)
        let newVersions = try parseNewVersions(deltas, context: context)
        let affected = affectedComponents(deltas, newVersions: newVersions)
        let members = affected.sorted().flatMap { summary.members(of: $0) }
        guard members.count <= maxAffected else { return nil }

        // Old versions of the reached documents that some state still has.
        let kept = members.filter { m in
            let path = summary.path(m)
            return deltas.contains { $0.changes[path] == nil }
        }
        var oldVersions: [Int: ParsedFile] = [:]
        for (m, file) in zip(kept, try parse(kept.map(recordedVersion), context: context)) { oldVersions[m] = file }

        // Context: the unchanged components holding what the reached documents refer to, read so
        // those references resolve as in a full run; their own diagnostics are the summary's.
        var contextComponents = Set<Int>()
        for file in Array(oldVersions.values) + Array(newVersions.values) {
            for reference in file.document?.references ?? [] {
                if let c = summary.component(ofKey: reference), !affected.contains(c) { contextComponents.insert(c) }
            }
        }
        let contextMembers = contextComponents.sorted().flatMap { summary.members(of: $0) }
        guard members.count + contextMembers.count <= maxAffected else { return nil }
        let contextDocuments = try parse(contextMembers.map(recordedVersion), context: context).compactMap(\.document)

        var isAffected = [Bool](repeating: false, count: summary.componentCount)
        for c in affected { isAffected[c] = true }
        guard let recorded = recordedDiagnostics(unless: isAffected, context: context) else { return nil }

        return deltas.map { delta in
            // The state's reached documents: kept old versions, changed and added new ones.
            var files: [ParsedFile] = []
            for m in members {
                let path = summary.path(m)
                if let change = delta.changes[path] {
                    if let id = change, let file = newVersions[PathVersion(path: path, id: id)] { files.append(file) }
                } else if let file = oldVersions[m] {
                    files.append(file)
                }
            }
            var fileCount = summary.documentCount
            for (path, id) in delta.changes {
                let existed = summary.index(of: path) != nil
                if id == nil && existed { fileCount -= 1 }
                if let id, !existed {
                    fileCount += 1
                    if let file = newVersions[PathVersion(path: path, id: id)] { files.append(file) }
                }
            }
            let reached = Set(files.map(\.path))
            var index = RepositoryIndex(files.compactMap(\.document) + contextDocuments)
            index.directory = directory(reread: index.documents, isAffected: isAffected)
            var diagnostics = recorded + files.flatMap(\.diagnostics)
            // The context documents are there to be looked up, not visited: their diagnostics
            // are the summary's (and working out, say, a broken link's suggestion for them
            // would be thrown away).
            let visited = index.documents.filter { reached.contains($0.path) }
            diagnostics += Validator.repositoryDiagnostics(index, context: context, visiting: visited).filter { reached.contains($0.path) }
            return State(diagnostics: diagnostics.sortedForReport(), fileCount: fileCount, index: index)
        }
    }

    /// Every new version the deltas name, parsed once even when several states share it.
    private func parseNewVersions(_ deltas: [SnapshotDelta], context: RuleContext) throws -> [PathVersion: ParsedFile] {
        var versions: [PathVersion] = []
        var seen = Set<PathVersion>()
        for delta in deltas {
            for (path, id) in delta.changes {
                if let id, seen.insert(PathVersion(path: path, id: id)).inserted { versions.append(PathVersion(path: path, id: id)) }
            }
        }
        var parsed: [PathVersion: ParsedFile] = [:]
        for (version, file) in zip(versions, try parse(versions, context: context)) { parsed[version] = file }
        return parsed
    }

    /// The summary's components whose diagnostics the changes can alter: those of the changed
    /// documents' old versions, of the keys their new versions have, and of the documents
    /// referring to their old or new IDs — plus, when the set of IDs changes, those holding a
    /// broken link (its "did you mean" may change).
    private func affectedComponents(_ deltas: [SnapshotDelta], newVersions: [PathVersion: ParsedFile]) -> Set<Int> {
        var affected = Set<Int>()
        func reach(referrersOf id: String?) {
            guard let id else { return }
            for i in summary.referrers(of: id) { affected.insert(summary.component(i)) }
        }
        var idsChanged = false
        for delta in deltas {
            for (path, id) in delta.changes {
                let old = summary.index(of: path)
                if let old {
                    affected.insert(summary.component(old))
                    reach(referrersOf: summary.id(old))
                }
                let document = id.flatMap { newVersions[PathVersion(path: path, id: $0)]?.document }
                for key in document?.keys ?? [] {
                    if let component = summary.component(ofKey: key) { affected.insert(component) }
                }
                reach(referrersOf: document?.id)
                if old.flatMap(summary.id) != document?.id || old.flatMap(summary.kind) != document?.kind { idsChanged = true }
            }
        }
        if idsChanged {
            for i in 0..<summary.documentCount where summary.hasBrokenLink(i) { affected.insert(summary.component(i)) }
        }
        return affected
    }

    /// What the summary recorded for the documents outside the affected components, with the
    /// dated rules' inputs judged again for today; nil if a record does not decode.
    /// They come in reporting order as far as the records' path order allows, so that sorting
    /// them with the re-read documents' is mostly a merge.
    private func recordedDiagnostics(unless isAffected: [Bool], context: RuleContext) -> [Diagnostic]? {
        var diagnostics: [Diagnostic] = []
        diagnostics.reserveCapacity(summary.documentCount / 4)
        for i in 0..<summary.documentCount where !isAffected[summary.component(i)] {
            var stored: [Diagnostic] = []
            if summary.hasDiagnostics(i) {
                guard let decoded = summary.diagnostics(i) else { return nil }
                stored = decoded
            }
            guard let inputs = summary.datedInputs(i) else { return nil }
            for (ruleID, input) in inputs {
                // A summary names only rules of its ruleset (the fingerprint says so).
                guard let rule = ruleset.rules.datedRule(ruleID) else { return nil }
                guard let found = rule.diagnostic(input, path: summary.path(i), context: context) else { continue }
                // Among the document's stored diagnostics (already in order) at its place.
                let at = stored.firstIndex { Diagnostic.reportingOrder(found, $0) } ?? stored.count
                stored.insert(found, at: at)
            }
            diagnostics += stored
        }
        return diagnostics
    }

    private func recordedVersion(_ i: Int) -> PathVersion { PathVersion(path: summary.path(i), id: summary.contentID(i)) }

    /// The same validator reading versions another way (an edit's new bytes, say).
    public func reading(_ read: @escaping @Sendable (RepositoryPath, ContentID) throws -> [UInt8]?) -> IncrementalValidator {
        IncrementalValidator(summary: summary, ruleset: ruleset, today: today, threads: threads, maxAffected: maxAffected, read: read)
    }

    /// The documents with `id` in a state `validate` returned (with `delta`), in path order:
    /// the re-read ones from its index, the others read now by their recorded versions.
    public func documents(withID id: String, in state: State, delta: SnapshotDelta) throws -> [Document] {
        var found = state.index.documents.filter { $0.id == id }
        let reread = Set(state.index.documents.map(\.path))
        if let component = summary.component(ofKey: id) {
            let others = summary.members(of: component).filter { m in
                summary.id(m) == id && !reread.contains(summary.path(m)) && delta.changes[summary.path(m)] == nil
            }
            let context = RuleContext(ruleset: ruleset, today: today)
            found += try parse(others.map(recordedVersion), context: context).compactMap(\.document).filter { $0.id == id }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// Every document linked to `document` through IDs (its component), as of a state
    /// `validate` returned (with `delta`), with whatever else was re-read for that state.
    public func neighbourhood(of document: Document, in state: State, delta: SnapshotDelta) throws -> RepositoryIndex {
        guard let component = summary.component(ofKey: document.id) else { return state.index }
        let reread = Set(state.index.documents.map(\.path))
        let others = summary.members(of: component).filter { m in !reread.contains(summary.path(m)) && delta.changes[summary.path(m)] == nil }
        let parsed = try parse(others.map(recordedVersion), context: RuleContext(ruleset: ruleset, today: today)).compactMap(\.document)
        return RepositoryIndex(state.index.documents + parsed)
    }

    /// Paths whose version differs between two of the deltas' states.
    public func changedPaths(from before: SnapshotDelta, to after: SnapshotDelta) -> Set<RepositoryPath> {
        var changed = Set<RepositoryPath>()
        for path in Set(before.changes.keys).union(after.changes.keys) {
            let base = summary.index(of: path).map(summary.contentID)
            let old = before.changes[path] ?? base, new = after.changes[path] ?? base
            if old != new { changed.insert(path) }
        }
        return changed
    }

    private func directory(reread: [Document], isAffected: [Bool]) -> IDDirectory {
        let summary = self.summary
        return IDDirectory {
            var kinds: [String: DocumentKind] = [:]
            // Unaffected documents and re-read ones never share an ID (they would share a key),
            // so "first by path" only matters within each group, and both are in path order.
            for i in 0..<summary.documentCount where !isAffected[summary.component(i)] {
                if let id = summary.id(i), kinds[id] == nil, let kind = summary.kind(i) { kinds[id] = kind }
            }
            for document in reread where kinds[document.id] == nil { kinds[document.id] = document.kind }
            return kinds
        }
    }

    private func parse(_ versions: [PathVersion], context: RuleContext) throws -> [ParsedFile] {
        try Self.parse(versions, ruleset: ruleset, threads: threads, checks: context, read: read)
    }

    /// Versions read and parsed on every core, the single-document rules run when `checks`
    /// is given; a version that cannot be read by its name is one diagnostic.
    static func parse(_ versions: [PathVersion], ruleset: Ruleset, threads: Int, checks context: RuleContext?,
                      read: @escaping @Sendable (RepositoryPath, ContentID) throws -> [UInt8]?) throws -> [ParsedFile] {
        let limit = ruleset.configuration.limits.maxFileBytes + 1
        // Rules of each thread's own, as in `Validator` (a context's ruleset only checks).
        return try ParallelMap.map(versions.count, threads: threads, worker: { ruleset.copyForThread(parsing: versions.count) }) { ruleset, i in
            let version = versions[i]
            // A name that is not UTF-8 is refused, however it reads (as in a full run).
            guard version.path.isValidUTF8, let bytes = try read(version.path, version.id) else { return DocumentParser.unreadable(path: version.path) }
            let file = DocumentParser.parse(path: version.path, bytes: Array(bytes.prefix(limit)), ruleset: ruleset)
            return context.map { Validator.checkedFile(file, context: $0) } ?? file
        }
    }
}

struct PathVersion: Hashable {
    var path: RepositoryPath
    var id: ContentID
}
