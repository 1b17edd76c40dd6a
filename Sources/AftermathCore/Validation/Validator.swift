import Dispatch
import Synchronization

/// Everything one validation run found.
public struct ValidationResult: Sendable {
    public var diagnostics: [Diagnostic]
    public var index: RepositoryIndex
    public var fileCount: Int
    /// Diagnostics of every file, before any PATHS filter (closure checks need all of them).
    public var allDiagnostics: [Diagnostic]
    /// The documents' paths (files that did not read as documents included).
    public var paths: [RepositoryPath] = []
}

/// Reads every document of a snapshot, checks each on its own (in parallel) and then all of
/// them together. Pure apart from the snapshot reads; never prints.
public struct Validator: Sendable {
    public var ruleset: Ruleset
    public var today: Timestamp
    public var threads: Int
    public var cache: ParseCache?

    public init(ruleset: Ruleset, today: Timestamp, threads: Int = 0, cache: ParseCache? = nil) {
        self.ruleset = ruleset
        self.today = today
        self.threads = threads
        self.cache = cache
    }

    /// The `.md` files under the configured roots.
    public func documentPaths(in snapshot: Snapshot) throws -> [RepositoryPath] {
        try Self.documentPaths(in: snapshot, roots: ruleset.configuration.roots)
    }

    /// The documents under `roots` in `snapshot`, each once, sorted.
    public static func documentPaths(in snapshot: Snapshot, roots: [String]) throws -> [RepositoryPath] {
        var paths: [RepositoryPath] = []
        let filter = DocumentPathFilter(roots: roots)
        for root in roots {
            paths += try snapshot.files(under: root).filter(filter.matches)
        }
        // Roots may overlap; one root's files are distinct already.
        return (roots.count > 1 ? Array(Set(paths)) : paths).sorted()
    }

    /// - Parameter only: report diagnostics only for these paths (files or folders); the
    ///   whole snapshot is still read so links resolve.
    public func validate(_ snapshot: Snapshot, only: [String] = []) throws -> ValidationResult {
        let nothing: (@Sendable ([RepositoryPath], [Document?]) -> Void)? = nil
        return try run(snapshot, only: only, meanwhile: nothing).result
    }

    /// `validate`, with `meanwhile` run on another thread from when the documents are read
    /// until the repository rules are done: work that needs the documents (by position in
    /// `paths`, nil for a file that did not read as one) but not what the rules find, such as
    /// the summary's link tables. It fills the core the index leaves idle.
    public func validate<T: Sendable>(_ snapshot: Snapshot, only: [String] = [],
                                      meanwhile: @escaping @Sendable (_ paths: [RepositoryPath], _ documents: [Document?]) -> T) throws -> (result: ValidationResult, meanwhile: T) {
        let (result, side) = try run(snapshot, only: only, meanwhile: meanwhile)
        return (result, side!)
    }

    private func run<T>(_ snapshot: Snapshot, only: [String],
                        meanwhile: (@Sendable ([RepositoryPath], [Document?]) -> T)?) throws -> (result: ValidationResult, meanwhile: T?) {
        let paths = try documentPaths(in: snapshot)
        let parsed = try parseAll(paths, from: snapshot)
        let byPosition = parsed.map(\.document)
        let side = meanwhile.map { work in Background { work(paths, byPosition) } }
        let context = RuleContext(ruleset: ruleset, today: today)
        // Document rules ran in parallel with parsing (see `checkedFile`).
        var diagnostics = parsed.flatMap(\.diagnostics)
        let index = RepositoryIndex(byPosition.compactMap { $0 })
        diagnostics += Self.repositoryDiagnostics(index, context: context)
        let all = diagnostics.sortedForReport()
        let shown = Self.restricted(all, to: only)
        return (ValidationResult(diagnostics: shown, index: index, fileCount: paths.count, allDiagnostics: all, paths: paths), side?.value())
    }

    /// Every repository rule's diagnostics, then every dated rule's, gathered in catalogue
    /// order, each rule's in the documents' order. The documentwise rules (and the dated ones,
    /// which visit one document at a time) run together in one pass over the documents, in
    /// stretches spread over the cores; the others (whole-index rules) beside them.
    /// - Parameter visiting: the documents the pass visits, when not all of them: a
    ///   documentwise rule reports only about the document it visits (the rule contract), so
    ///   documents whose diagnostics are not wanted need not be visited.
    static func repositoryDiagnostics(_ index: RepositoryIndex, context: RuleContext, visiting: [Document]? = nil) -> [Diagnostic] {
        let rules = context.ruleset.rules.repository + context.ruleset.rules.dated.map { DatedRuleCheck(rule: $0) as any RepositoryRule }
        let documentwise = rules.map { $0 as? any DocumentwiseRule }
        let wholeIndex = rules.indices.filter { documentwise[$0] == nil }
        // The documentwise rules with their positions in the catalogue.
        let pass = rules.indices.compactMap { i in documentwise[i].map { (position: i, rule: $0) } }
        let documents = visiting ?? index.documents
        // Stretches of a few thousand documents: enough to share out, few enough to gather.
        let stretches = min(64, documents.count / 2048 + 1)
        index.prepareChildren()  // built once, before threads would wait on each other for it
        let found = ResultSlots<[[Diagnostic]]>(count: stretches + wholeIndex.count)
        DispatchQueue.concurrentPerform(iterations: stretches + wholeIndex.count) { job in
            guard job < stretches else {
                let rule = wholeIndex[job - stretches]
                found[job] = [rules[rule].check(index, in: context)]
                return
            }
            var byRule = [[Diagnostic]](repeating: [], count: rules.count)
            let range = documents.count * job / stretches ..< documents.count * (job + 1) / stretches
            // Blocks of documents few enough to stay in the cache while every rule visits them;
            // each rule is opened once a block, not copied out of its existential per document.
            var start = range.lowerBound
            while start < range.upperBound {
                let block = documents[start..<min(start + 64, range.upperBound)]
                for (position, rule) in pass { Self.apply(rule, to: block, in: index, context: context, into: &byRule[position]) }
                start = block.endIndex
            }
            found[job] = byRule
        }
        let results = found.take().map { $0 ?? [] }
        var diagnostics: [Diagnostic] = []
        for i in rules.indices {
            if let position = wholeIndex.firstIndex(of: i) {
                diagnostics += results[stretches + position].first ?? []
            } else {
                for stretch in 0..<stretches { diagnostics += results[stretch][i] }
            }
        }
        return diagnostics
    }

    private static func apply<R: DocumentwiseRule>(_ rule: R, to documents: ArraySlice<Document>, in index: RepositoryIndex,
                                                    context: RuleContext, into found: inout [Diagnostic]) {
        for document in documents { rule.check(document, in: index, context: context, into: &found) }
    }

    /// The documents and their links only, without rules: for views that show rather than check.
    public func read(_ snapshot: Snapshot) throws -> ValidationResult {
        let paths = try documentPaths(in: snapshot)
        let parsed = try parseAll(paths, from: snapshot, checks: false)
        let all = parsed.flatMap(\.diagnostics).sortedForReport()
        return ValidationResult(diagnostics: all, index: RepositoryIndex(parsed.compactMap(\.document)), fileCount: paths.count, allDiagnostics: all, paths: paths)
    }

    /// The diagnostics about `only` (files or folders); all of them when `only` is empty.
    public static func restricted(_ diagnostics: [Diagnostic], to only: [String]) -> [Diagnostic] {
        only.isEmpty ? diagnostics : diagnostics.filter { d in only.contains { path(d.path, isWithin: $0) } }
    }

    static func path(_ path: RepositoryPath, isWithin filter: String) -> Bool {
        let f = RepositoryConfiguration.normalizeFolder(filter)
        return f.isEmpty || path == RepositoryPath(f) || path.hasPrefix(f + "/")
    }

    /// A parsed file with the single-document rules' diagnostics added: they depend on the
    /// document alone, so they run on the worker threads and are cached with the parse.
    static func checkedFile(_ file: ParsedFile, context: RuleContext) -> ParsedFile {
        guard let document = file.document else { return file }
        var file = file
        for rule in context.ruleset.rules.document { file.diagnostics += rule.check(document, in: context) }
        return file
    }

    private func parseAll(_ paths: [RepositoryPath], from snapshot: Snapshot, checks: Bool = true) throws -> [ParsedFile] {
        let shared = self.ruleset, today = self.today
        let cache = self.cache
        // Each thread parses with rules of its own: shared compiled schemas cost more CPU in
        // reference-count traffic than the copies.
        return try ParallelMap.map(paths.count, threads: threads, worker: {
            ParseWorker(ruleset: shared.copyForThread(parsing: paths.count), today: today, reader: snapshot.reader())
        }) { worker, i in
            let path = paths[i]
            let contentID = cache == nil ? nil : snapshot.contentID(path)
            // A cached file carries its rules' diagnostics too; a plain read ignores them.
            if let contentID, let hit = cache?.lookup(path, contentID) { return hit }
            // A name that is not UTF-8 is refused however it reads, in every snapshot alike.
            guard path.isValidUTF8, let bytes = try worker.reader.read(path, upTo: worker.ruleset.configuration.limits.maxFileBytes + 1) else {
                return DocumentParser.unreadable(path: path)
            }
            let file = DocumentParser.parse(path: path, bytes: bytes, ruleset: worker.ruleset)
            guard checks else { return file }
            let parsed = Self.checkedFile(file, context: worker.context)
            if let contentID { cache?.store(parsed, contentID: contentID) }
            return parsed
        }
    }
}

/// One parsing thread's own rules, rule context and reader. A class, so that each document
/// borrows them: a tuple of them was copied for every document, retaining and releasing every
/// table a ruleset holds.
private final class ParseWorker: @unchecked Sendable {
    let ruleset: Ruleset
    let context: RuleContext
    let reader: SnapshotReader

    init(ruleset: Ruleset, today: Timestamp, reader: SnapshotReader) {
        self.ruleset = ruleset
        context = RuleContext(ruleset: ruleset, today: today)
        self.reader = reader
    }
}
