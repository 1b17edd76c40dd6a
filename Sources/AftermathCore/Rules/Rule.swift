/// What `aftermath explain` prints for a rule, and what the rule-examples test runs.
public struct RuleDescription: Sendable {
    public var id: String
    public var name: String
    public var severity: Severity
    public var summary: String
    public var rationale: String
    /// Files laid over `RuleExamples.base`: the bad one triggers the rule, the good one does not.
    /// `↓` in the bad files marks each place the rule must report (`MarkedText`); an empty text
    /// removes the file.
    public var bad: [String: String]
    public var good: [String: String]
    /// For rules about a change between commits: the earlier state (also laid over the base);
    /// `bad` and `good` are then the later states.
    public var before: [String: String]?
    /// Words every message of the bad example must contain (the ID, field or value it is
    /// about), so that the examples test checks what is said, not only where.
    public var mentions: [String]

    public init(id: String, name: String, severity: Severity = .error, summary: String, rationale: String,
                bad: [String: String], good: [String: String], before: [String: String]? = nil, mentions: [String] = []) {
        self.before = before
        self.id = id
        self.name = name
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.bad = bad
        self.good = good
        self.mentions = mentions
    }

    /// The places the bad example marks, by path, in path order.
    public var expectedLocations: [(path: String, location: SourceLocation)] {
        bad.keys.sorted().flatMap { path in MarkedText(bad[path] ?? "").marks.map { (path, $0) } }
    }
}

/// What every rule can consult besides the documents.
public struct RuleContext: Sendable {
    public var ruleset: Ruleset
    /// The date dated rules (`DatedRule`) judge against (`--today`, else the current date in UTC);
    /// no other rule reads it.
    public var today: Timestamp

    public init(ruleset: Ruleset, today: Timestamp) {
        self.ruleset = ruleset
        self.today = today
    }

    public func diagnostic(_ rule: RuleDescription, _ document: Document, at location: SourceLocation,
                           _ message: String, owner: String? = nil) -> Diagnostic {
        Diagnostic(path: document.path, location: location,
                   severity: ruleset.severity(of: rule.id, name: rule.name, default: rule.severity),
                   ruleID: rule.id, message: message, owner: owner)
    }
}

// The contract every rule keeps, which incremental validation relies on
// (`IncrementalValidator`, checked for every rule by `IncrementalContractTests`):
//
// - A `DocumentRule` looks at one document and the `RuleContext`'s ruleset only — never at
//   other documents, and never at the date. Its diagnostics are cached with the parse, by the
//   file's content and the ruleset's fingerprint.
// - A `RepositoryRule` relates documents only through their keys (`Document.keys`: the ID and
//   the parent's ID) and references (`Document.references`: `related`), that is through
//   `RepositoryIndex` lookups by ID (`index[id]`, `linked(to:)`, `tree(of:)`,
//   `postmortem(of:)`, `duplicates`). A run after a small change re-checks only the documents
//   those keys connect to the change; a rule that joined documents some other way (by owner,
//   by tag, by a tracker's state) would report differently there than in a full run.
// - Only a `DatedRule` depends on the date (`RuleContext.today`), and only through the inputs it
//   reads of one document (`DatedInput`), which the summary keeps and each run judges again, so
//   a summary written on one day serves another. Document and repository rules never read it.
// - Diagnostics are about the document visited, at a location inside it, in document order.

/// A rule about one document on its own.
public protocol DocumentRule: Sendable {
    static var description: RuleDescription { get }
    func check(_ document: Document, in context: RuleContext) -> [Diagnostic]
}

/// A rule about documents together: links, uniqueness, closure. It relates documents only
/// through their keys and references (see the contract above).
public protocol RepositoryRule: Sendable {
    static var description: RuleDescription { get }
    func check(_ index: RepositoryIndex, in context: RuleContext) -> [Diagnostic]
}

/// A repository rule that judges one document at a time, following its links through the
/// index: the validator runs all of them in one pass over the documents
/// (`Validator.repositoryDiagnostics`), so each document is brought into the cache once
/// rather than once per rule (which was most of the rules' time). A rule's diagnostics come
/// in the documents' order, as from `check(_:in:)`.
public protocol DocumentwiseRule: RepositoryRule {
    /// What the rule finds on visiting `document` (possibly about documents it links to).
    func check(_ document: Document, in index: RepositoryIndex, context: RuleContext, into diagnostics: inout [Diagnostic])
}

extension DocumentwiseRule {
    public func check(_ index: RepositoryIndex, in context: RuleContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for document in index.documents { check(document, in: index, context: context, into: &diagnostics) }
        return diagnostics
    }
}

/// A rule about a change from one commit to the next (`--range`, the push hook).
public protocol TransitionRule: Sendable {
    static var description: RuleDescription { get }
    func check(before: RepositoryIndex, after: RepositoryIndex, in context: RuleContext) -> [Diagnostic]
}
