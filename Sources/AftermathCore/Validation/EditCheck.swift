/// What an edit would break: validates the snapshot with the edited files in place and
/// returns the errors it introduces in the given documents (errors that were already there
/// before the edit are not the edit's fault and do not block it).
public struct EditCheck: Sendable {
    /// One side of the edit: every diagnostic, and the documents the edit can affect.
    public struct State: Sendable {
        public var allDiagnostics: [Diagnostic]
        public var index: RepositoryIndex

        public init(allDiagnostics: [Diagnostic], index: RepositoryIndex) {
            self.allDiagnostics = allDiagnostics
            self.index = index
        }
    }

    public var before: State
    public var after: State
    /// The edit as the pre-commit hook judges its commit (nil without a HEAD to judge against).
    public var againstHead: AgainstHead?

    /// HEAD, and the states before and after the edit that are compared with it: those the
    /// edit leaves, or, when it is committed alone, HEAD and HEAD with the edit.
    public struct AgainstHead: Sendable {
        public var transitions: HeadTransitions
        public var before: RepositoryIndex
        public var after: RepositoryIndex

        public init(transitions: HeadTransitions, before: RepositoryIndex, after: RepositoryIndex) {
            self.transitions = transitions
            self.before = before
            self.after = after
        }
    }

    public init(before: State, after: State) {
        self.before = before
        self.after = after
    }

    public init(validator: Validator, snapshot: Snapshot, before: ValidationResult, overrides: [RepositoryPath: [UInt8]?]) throws {
        let after = try validator.validate(OverlaySnapshot(base: snapshot, overrides: overrides))
        self.init(before: State(allDiagnostics: before.allDiagnostics, index: before.index),
                  after: State(allDiagnostics: after.allDiagnostics, index: after.index))
    }

    /// Errors after the edit in `paths`, minus those present before (compared without line numbers).
    public func newErrors(in paths: Set<RepositoryPath>) -> [Diagnostic] {
        struct Key: Hashable {
            var path: RepositoryPath
            var rule, message: String
        }
        let existing = Set(before.allDiagnostics.filter { $0.severity == .error }.map { Key(path: $0.path, rule: $0.ruleID, message: $0.message) })
        return after.allDiagnostics.filter {
            $0.severity == .error && paths.contains($0.path) && !existing.contains(Key(path: $0.path, rule: $0.ruleID, message: $0.message))
        }
    }

    /// What the pre-commit hook would refuse of the edit's commit that it did not refuse
    /// before the edit (anywhere: a transition problem is the edit's wherever it shows).
    public func newTransitionErrors() -> [Diagnostic] {
        againstHead.map { $0.transitions.introduced(before: $0.before, after: $0.after) } ?? []
    }

    /// Every error after the edit in `paths` (closure: nothing may remain).
    public func allErrors(in paths: Set<RepositoryPath>) -> [Diagnostic] {
        after.allDiagnostics.filter { $0.severity == .error && paths.contains($0.path) }
    }
}
