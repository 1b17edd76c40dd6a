/// A commit as range validation sees it.
public struct CommitState: Sendable {
    public var id: String
    public var parents: [String]
    public var snapshot: Snapshot

    public init(id: String, parents: [String], snapshot: Snapshot) {
        self.id = id
        self.parents = parents
        self.snapshot = snapshot
    }
}

/// Validates each commit of a range with one (trusted) ruleset and reports what each commit
/// introduced: diagnostics absent from all of its parents, and transition-rule violations
/// against every parent, each tagged with the commit.
public struct RangeValidation: Sendable {
    public var validator: Validator

    public init(validator: Validator) {
        var validator = validator
        if validator.cache == nil { validator.cache = ParseCache() }
        self.validator = validator
    }

    private struct Key: Hashable {
        var path: RepositoryPath
        var rule, message: String
        init(_ d: Diagnostic) { path = d.path; rule = d.ruleID; message = d.message }
    }

    /// What a commit introduced over its parents: its diagnostics absent from all of them, and
    /// the transition problems it has against every parent (all of its diagnostics for a root
    /// commit). Each state is its diagnostics and the index the transition rules compare.
    public static func introduced(by current: (diagnostics: [Diagnostic], index: RepositoryIndex),
                                  over parents: [(diagnostics: [Diagnostic], index: RepositoryIndex)], context: RuleContext) -> [Diagnostic] {
        guard !parents.isEmpty else { return current.diagnostics }
        let seen = parents.map { Set($0.diagnostics.map(Key.init)) }
        var introduced = current.diagnostics.filter { d in !seen.contains { $0.contains(Key(d)) } }
        let perParent = parents.map { TransitionCheck.check(before: $0.index, after: current.index, in: context) }
        let common = perParent.dropFirst().reduce(Set(perParent[0].map(Key.init))) { $0.intersection($1.map(Key.init)) }
        introduced += perParent[0].filter { common.contains(Key($0)) }
        return introduced
    }

    /// - Parameters:
    ///   - commits: the range, parents before children.
    ///   - load: a commit's parents and tree, for commits in the range and their parents outside it.
    public func run(_ commits: [String], load: (String) throws -> CommitState) throws -> [Diagnostic] {
        var results: [String: ValidationResult] = [:]
        // How many commits of the range still need each result, so memory stays bounded.
        var pending: [String: Int] = [:]
        var states: [String: CommitState] = [:]
        for id in commits {
            let state = try load(id)
            states[id] = state
            for parent in state.parents { pending[parent, default: 0] += 1 }
        }
        func result(_ id: String) throws -> ValidationResult {
            if let cached = results[id] { return cached }
            let state = try states[id] ?? load(id)
            let result = try validator.validate(state.snapshot)
            results[id] = result
            return result
        }
        let context = RuleContext(ruleset: validator.ruleset, today: validator.today)
        var reported: [Diagnostic] = []
        for id in commits {
            guard let state = states[id] else { continue }
            let current = try result(id)
            let introduced = Self.introduced(by: (current.allDiagnostics, current.index),
                                             over: try state.parents.map(result).map { ($0.allDiagnostics, $0.index) }, context: context)
            reported += introduced.map { var d = $0; d.commit = id; return d }
            for parent in state.parents {
                pending[parent, default: 1] -= 1
                if pending[parent] == 0 { results[parent] = nil }
            }
            if pending[id, default: 0] == 0 { results[id] = nil }
        }
        return reported
    }
}
