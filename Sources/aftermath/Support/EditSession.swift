import Foundation
import AftermathCore
import AftermathGit

/// The shared steps of commands that change documents: read the repository, find the
/// document, plan the edit, validate the result, and write it atomically.
struct EditSession {
    let workspace: Workspace
    let snapshot: Snapshot
    let validator: Validator
    let before: ValidationResult

    /// - Parameter validating: false for commands that only show documents (list, show,
    ///   report, digest): they read the index without running the rules.
    init(snapshot choice: SnapshotChoice = .workingTree, today: Timestamp, validating: Bool = true) throws {
        workspace = Workspace()
        snapshot = try workspace.snapshot(choice)
        let ruleset = try workspace.ruleset(from: snapshot)
        validator = Validator(ruleset: ruleset, today: today)
        before = validating ? try validator.validate(snapshot) : try validator.read(snapshot)
    }

    var ruleset: Ruleset { validator.ruleset }
    var index: RepositoryIndex { before.index }

    /// The document with this ID, or a usage failure suggesting the closest ID.
    func document(_ id: String, kind: DocumentKind? = nil) throws -> Document {
        if let document = index[id], kind == nil || document.kind == kind { return document }
        let candidates = index.documents.filter { kind == nil || $0.kind == kind }.map(\.id)
        let what = kind.map { "\($0.rawValue) " } ?? "document "
        throw CLIFailure.usage("no \(what)with ID `\(id)`\(Suggestion.hint(Suggestion.closest(to: id, among: candidates)))")
    }

    /// A person's handle for `--by` style options: the given name (alias resolved), else the
    /// person whose email matches git's `user.email`.
    func person(_ given: String?, option: String) throws -> String {
        if let given {
            guard case .person(let person)? = ruleset.owners.resolve(given) else {
                throw CLIFailure.usage("\(option) `\(given)` is not a person in the owners registry\(Suggestion.hint(ruleset.owners.suggestion(for: given)))")
            }
            return person.handle
        }
        let identity = GitIdentity.current(repository: try? workspace.repository())
        if let email = identity.email?.lowercased(), let person = ruleset.owners.people.first(where: { $0.email?.lowercased() == email }) {
            return person.handle
        }
        throw CLIFailure.usage("cannot tell who you are: pass \(option) HANDLE (git's user.email matches no one in the owners registry)")
    }

    func bytes(of document: Document) throws -> [UInt8] {
        guard let bytes = try snapshot.read(document.path) else { throw SnapshotError("\(document.path): cannot read") }
        return bytes
    }

    func check(_ overrides: [String: [UInt8]?]) throws -> EditCheck {
        try EditCheck(validator: validator, snapshot: snapshot, before: before, overrides: overrides)
    }

    /// Writes an edited document over the working tree, refusing if it changed since read,
    /// and commits it when `commitMessage` is given.
    func write(_ document: Document, original: [UInt8], edited: [UInt8], commitMessage: String? = nil) throws {
        guard snapshot is WorkingTreeSnapshot else { throw CLIFailure.usage("only the working tree can be written; use --dry-run with --staged or --rev") }
        try GitRecording.withCommit(commitMessage, paths: [document.path], workspace: workspace) {
            do {
                try AtomicFile.replace(workspace.root + "/" + document.path, expected: original, with: edited)
            } catch let failure as AtomicFile.Failure {
                throw CLIFailure.refused(failure.description)
            }
        }
    }
}
