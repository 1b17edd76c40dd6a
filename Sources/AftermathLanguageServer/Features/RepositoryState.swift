import Foundation
import AftermathCore
import AftermathGit
import AftermathEngine

/// The server's one use of the engine: the repository root, the working tree with the open
/// buffers laid over it judged by the engine's `Workspace` exactly as `aftermath validate`
/// judges the working tree, and the lookups features ask of its result. Nothing here writes.
final class RepositoryState {
    /// The Aftermath root, absolute, without a trailing slash.
    let root: String
    private let workspace: Workspace
    private var rules: Result<Ruleset, RulesProblem>?

    /// Why there are no rules: the configuration's diagnostics.
    struct RulesProblem: Error { var diagnostics: [Diagnostic] }
    /// The last check: its rules, and the documents for lookups (kept until the next check).
    private(set) var check: EditorCheck?
    /// The buffers laid over the working tree in the last validation (repository-relative paths).
    private(set) var buffers: [RepositoryPath: [UInt8]] = [:]

    init(root: String) {
        self.root = root
        workspace = Workspace(directory: root)
    }

    /// The Aftermath root for a folder the client opened, found as the command line finds it
    /// (DESIGN.md section 4).
    static func locate(from folder: String) -> String { RepositoryLocation.find(from: folder).root }

    /// The repository-relative path of an absolute one; nil outside the root.
    func relativePath(_ absolute: String) -> RepositoryPath? {
        let standardized = URL(fileURLWithPath: absolute).standardizedFileURL.path
        guard standardized.hasPrefix(root + "/") else { return nil }
        let relative = String(standardized.dropFirst(root.count + 1))
        return RepositoryConfinement.lexicalProblem(relative) == nil ? RepositoryPath(relative) : nil
    }

    /// The absolute path of a repository file, as bytes (a path need not be UTF-8).
    func absolutePath(_ relative: RepositoryPath) -> [UInt8] { Array(root.utf8) + [UInt8(ascii: "/")] + relative.bytes }

    /// Whether `path` holds rules: the configuration, the owners file or a schema. A change to
    /// one reloads the rules before the next validation.
    func isRuleFile(_ path: RepositoryPath) -> Bool {
        path == RepositoryPath(RepositoryConfiguration.fileName) || path == RepositoryPath(ownersPath)
            || path.hasPrefix(RepositoryConfiguration.schemaFolder + "/")
    }

    private var ownersPath: String { (try? rules?.get())?.configuration.ownersPath ?? RepositoryConfiguration().ownersPath }

    /// The rules are read again before the next validation.
    func reloadRules() {
        rules = nil
        workspace.reloadRules()
    }

    /// Files changed on disk (the client's watched files, a closed buffer's file).
    func filesChanged(_ paths: [RepositoryPath]) { workspace.filesChanged(paths) }

    /// The working tree as it would be with `buffers` saved.
    func snapshot(_ buffers: [RepositoryPath: [UInt8]]) -> Snapshot {
        OverlaySnapshot(base: WorkingTreeSnapshot(root: root), overrides: buffers.mapValues { Optional($0) })
    }

    /// Validates the working tree with `buffers` laid over it, as `aftermath validate` would with
    /// them saved: the rules read from the same state (a configuration error gives its own
    /// diagnostics and no documents), then every rule over every document.
    func validate(buffers: [RepositoryPath: [UInt8]], today: Timestamp) -> [Diagnostic] {
        self.buffers = buffers
        do {
            let check = try workspace.validate(overlaying: buffers, today: today)
            rules = .success(check.ruleset)
            self.check = check
            return check.diagnostics
        } catch WorkspaceError.configuration(let diagnostics) {
            rules = .failure(RulesProblem(diagnostics: diagnostics))
            check = nil
            return diagnostics
        } catch {
            check = nil
            return [Self.unreadable(error)]
        }
    }

    private static func unreadable(_ error: Error) -> Diagnostic {
        Diagnostic(path: RepositoryPath(""), location: .fileStart, severity: .error, ruleID: "io", message: "\(error)")
    }

    // MARK: Lookups

    var ruleset: Ruleset? { try? rules?.get() }

    /// Whether the last validation read `path` as a document (under a root, `.md`).
    func isDocument(_ path: RepositoryPath) -> Bool { check?.index.isDocument(path) ?? false }

    func document(_ id: String) -> Document? { check?.index.document(withID: id) }

    func document(atPath path: RepositoryPath) -> Document? { check?.index.document(atPath: path) }

    /// Every document by its fields, in path order.
    var documents: [ListedDocument] { check?.index.documents ?? [] }

    func documents(of kind: DocumentKind) -> [ListedDocument] { check?.index.documents(of: kind) ?? [] }

    /// `document` with the documents linked to it through IDs, whole.
    func neighbourhood(of document: Document) -> RepositoryIndex { check?.index.neighbourhood(of: document) ?? RepositoryIndex([document]) }

    /// Every document whose `postmortem`, `finding` or `related` names `id`, with the field.
    func linking(to id: String) -> [(document: Document, field: String)] { check?.index.linking(to: id) ?? [] }

    /// The text of a repository file as the server sees it (the buffer, else the disk).
    func bytes(of path: RepositoryPath) -> [UInt8]? {
        if let buffer = buffers[path] { return buffer }
        let limit = (ruleset?.configuration.limits.maxFileBytes ?? ParseLimits.standard.maxFileBytes) + 1
        return try? WorkingTreeSnapshot(root: root).read(path, upTo: limit)
    }

    /// The JSON Schema of a kind's front matter as written (the repository's, else the built-in).
    func schemaSource(_ kind: DocumentKind) -> Node? {
        let name = kind.schemaFile
        let bytes = bytes(of: RepositoryPath("\(RepositoryConfiguration.schemaFolder)/\(name)")) ?? BuiltinSchemas.files[name].map { Array($0.utf8) }
        guard let bytes, case .success(let node) = JSONReader.read(bytes) else { return nil }
        return node
    }

    /// IDs in use and file or folder names present: both reserve an ID (as for `aftermath new`).
    var usedNames: [String] { NewDocument.usedNames(ids: documents.map(\.id), in: snapshot(buffers), roots: ruleset?.configuration.roots ?? []) }
}
