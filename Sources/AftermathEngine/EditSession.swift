import Foundation
import AftermathCore
import AftermathGit

/// The shared steps of commands that change documents: read the repository, find the
/// document, plan the edit, validate the result, and write it atomically.
package struct EditSession {
    package let workspace: RepositoryAccess
    package let snapshot: Snapshot
    package let validator: Validator
    private let reading: Reading
    /// Git, for judging edits against HEAD as the pre-commit hook judges commits (nil outside
    /// git, for a revision, or for sessions that do not edit).
    private let git: GitValidation?

    /// How the repository was read: whole, or through the summary (only what changed since).
    private enum Reading {
        case whole(ValidationResult)
        case summarised(validator: IncrementalValidator, delta: SnapshotDelta, state: IncrementalValidator.State)
    }

    /// - Parameters:
    ///   - validating: false for commands that only show documents (show, an incident report):
    ///     read whole, they read the index without running the rules.
    ///   - throughSummary: for commands about one document (close, set, show, new, an incident
    ///     report): in a git repository with a summary that applies, only what changed since is
    ///     read (`index` is then unavailable; use `document(_:kind:)`, `neighbourhood(of:)` and
    ///     `ids`); with none, the repository is validated whole and leaves one for the next
    ///     command.
    package init(snapshot choice: SnapshotChoice = .workingTree, today: Timestamp, validating: Bool = true, throughSummary: Bool = false,
                 access workspace: RepositoryAccess = RepositoryAccess()) throws {
        self.workspace = workspace
        snapshot = try workspace.snapshot(choice)
        let ruleset = try workspace.ruleset(from: snapshot, today: today)
        validator = Validator(ruleset: ruleset, today: today)
        let git = throughSummary ? (try? workspace.repository()).map { GitValidation(workspace: workspace, repository: $0, today: today, threads: 0) } : nil
        if case .revision = choice { self.git = nil } else { self.git = git }
        var summarised = try git?.summarised(choice)
        var unwritten: ValidationResult?
        if summarised == nil, let git {
            switch try git.leaveSummary(choice) {
            case .off: break
            case .left(let state): summarised = try git.summarised(state)
            case .unwritten(let result, let rules): unwritten = rules.fingerprint == ruleset.fingerprint ? result : nil
            }
        }
        if let summarised, summarised.validator.ruleset.fingerprint == ruleset.fingerprint {
            reading = .summarised(validator: summarised.validator, delta: summarised.delta, state: summarised.state)
        } else if let unwritten {
            reading = .whole(unwritten)
        } else {
            reading = .whole(validating ? try validator.validate(snapshot) : try validator.read(snapshot))
        }
    }

    package var ruleset: Ruleset { validator.ruleset }

    /// Every document (sessions that read the repository whole).
    package var index: RepositoryIndex {
        guard case .whole(let result) = reading else { preconditionFailure("a session read through the summary has no whole index") }
        return result.index
    }

    /// Every document ID in use.
    package var ids: [String] {
        switch reading {
        case .whole(let result): return result.index.documents.map(\.id)
        case .summarised(_, _, let state): return Array(state.index.directory.kinds.keys)
        }
    }

    /// The documents linked to `document` through IDs (postmortem, findings, items), and
    /// possibly others.
    package func neighbourhood(of document: Document) throws -> RepositoryIndex {
        switch reading {
        case .whole(let result): return result.index
        case .summarised(let incremental, let delta, let state): return try incremental.neighbourhood(of: document, in: state, delta: delta)
        }
    }

    /// The document with this ID, or a usage failure suggesting the closest ID.
    package func document(_ id: String, kind: DocumentKind? = nil) throws -> Document {
        let candidates: [String]
        switch reading {
        case .whole(let result):
            if let document = result.index[id], kind == nil || document.kind == kind { return document }
            candidates = result.index.documents.filter { kind == nil || $0.kind == kind }.map(\.id)
        case .summarised(let incremental, let delta, let state):
            if let document = try incremental.documents(withID: id, in: state, delta: delta).first, kind == nil || document.kind == kind {
                return document
            }
            let kinds = state.index.directory.kinds
            candidates = kinds.keys.filter { kind == nil || kinds[$0] == kind }
        }
        let what = kind.map { "\($0.rawValue) " } ?? "document "
        throw WorkspaceError.usage("no \(what)with ID `\(id)`\(Suggestion.hint(Suggestion.closest(to: id, among: candidates)))")
    }

    /// A person's handle for `--by` style options: the given name (alias resolved), else the
    /// person whose email matches git's `user.email`.
    package func person(_ given: String?, option: String) throws -> String {
        if let given {
            guard case .person(let person)? = ruleset.owners.resolve(given) else {
                throw WorkspaceError.usage("\(option) `\(given)` is not a person in the owners registry\(Suggestion.hint(ruleset.owners.suggestion(for: given)))")
            }
            return person.handle
        }
        let identity = GitIdentity.current(repository: try? workspace.repository())
        if let email = identity.email?.lowercased(), let person = ruleset.owners.people.first(where: { $0.email?.lowercased() == email }) {
            return person.handle
        }
        throw WorkspaceError.usage("cannot tell who you are: pass \(option) HANDLE (git's user.email matches no one in the owners registry)")
    }

    package func bytes(of document: Document) throws -> [UInt8] {
        guard let bytes = try snapshot.read(document.path) else { throw SnapshotError("\(document.path): cannot read") }
        return bytes
    }

    /// The edit judged: the state with `overrides` in place against the state before, and
    /// both against HEAD, as the pre-commit hook judges a commit (see `EditCheck.againstHead`).
    /// - Parameter committing: the edit is committed alone (`--commit`): HEAD with the edit is
    ///   what is recorded and judged against HEAD, whatever else the working tree holds.
    package func check(_ overrides: [RepositoryPath: [UInt8]?], committing: Bool = false) throws -> EditCheck {
        switch reading {
        case .whole(let before):
            return try wholeCheck(before: before, overrides, committing: committing)
        case .summarised(let incremental, let delta, let before):
            // The edited state: the current one with the new bytes, read from memory.
            var changes = delta.changes
            var edits: [RepositoryPath: ContentID?] = [:]
            var edited: [ContentID: [UInt8]] = [:]
            for (path, bytes) in overrides {
                let id = try bytes.map(GitRepository.blobID)
                if let id, let bytes { edited[id] = bytes }
                changes.updateValue(id, forKey: path)
                edits.updateValue(id, forKey: path)
            }
            let head = try git?.head(from: incremental, beside: delta)
            let base = head?.validator ?? incremental
            let reader = base.reading { [edited, base] path, id in
                if let bytes = edited[id] { return bytes }
                return try base.read(path, id)
            }
            var deltas = [delta, SnapshotDelta(changes)]
            if let head {
                deltas.append(head.delta)
                if committing { deltas.append(SnapshotDelta(head.delta.changes.merging(edits) { $1 })) }
            }
            if let states = try reader.validate(deltas) {
                var check = EditCheck(before: EditCheck.State(allDiagnostics: before.diagnostics, index: before.index),
                                      after: EditCheck.State(allDiagnostics: states[1].diagnostics, index: states[1].index))
                if head != nil {
                    let transitions = HeadTransitions(head: states[2].index, context: RuleContext(ruleset: ruleset, today: validator.today))
                    check.againstHead = committing
                        ? EditCheck.AgainstHead(transitions: transitions, before: states[2].index, after: states[3].index)
                        : EditCheck.AgainstHead(transitions: transitions, before: states[0].index, after: states[1].index)
                }
                return check
            }
            // Too much reached: the edit is judged on the whole repository.
            return try wholeCheck(before: try validator.validate(snapshot), overrides, committing: committing)
        }
    }

    private func wholeCheck(before: ValidationResult, _ overrides: [RepositoryPath: [UInt8]?], committing: Bool) throws -> EditCheck {
        var check = try EditCheck(validator: validator, snapshot: snapshot, before: before, overrides: overrides)
        if let head = try git?.headSnapshot() {
            let headIndex = try validator.read(head).index
            let transitions = HeadTransitions(head: headIndex, context: RuleContext(ruleset: ruleset, today: validator.today))
            check.againstHead = committing
                ? EditCheck.AgainstHead(transitions: transitions, before: headIndex,
                                        after: try validator.read(OverlaySnapshot(base: head, overrides: overrides)).index)
                : EditCheck.AgainstHead(transitions: transitions, before: check.before.index, after: check.after.index)
        }
        return check
    }

    /// Writes an edited document over the working tree, refusing if it changed since read,
    /// and commits it when `commitMessage` is given.
    package func write(_ document: Document, original: [UInt8], edited: [UInt8], commitMessage: String? = nil) throws {
        guard snapshot is WorkingTreeSnapshot else { throw WorkspaceError.usage("only the working tree can be written; use --dry-run with --staged or --rev") }
        try GitRecording.withCommit(commitMessage, paths: [document.path.text], workspace: workspace) {
            do {
                try AtomicFile.replace(workspace.root + "/" + document.path.text, expected: original, with: edited)
            } catch let failure as AtomicFile.Failure {
                throw WorkspaceError(failure)
            }
        }
    }
}
