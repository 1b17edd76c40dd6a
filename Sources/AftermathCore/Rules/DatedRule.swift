/// A rule whose finding depends on the date (`RuleContext.today`): an item past its due date, a
/// promised update not sent by its day. What it reads of a document does not depend on the date
/// (`DatedInput`), so a summary keeps the inputs instead of the findings and each run judges them
/// against its own day: a summary written on one day serves another.
///
/// The date reaches the rule only in `message(for:today:)`; `inputs(of:in:)` gets the ruleset
/// alone, so the compiler keeps the date out of what is kept.
public protocol DatedRule: Sendable {
    static var description: RuleDescription { get }
    /// What the rule judges of one document, on any day (none: nothing to judge).
    func inputs(of document: Document, in ruleset: Ruleset) -> [DatedInput]
    /// What the rule says about `input` on `today`; nil when nothing is wrong that day.
    func message(for input: DatedInput, today: Timestamp) -> String?
}

/// One thing a `DatedRule` judges against the date, independent of it: the moment it compares
/// with, the words it reports, where and to whom.
public struct DatedInput: Sendable, Hashable {
    /// The moment the rule compares with the date (a due date, a promised day).
    public var date: Timestamp
    /// That moment as the document writes it, for the message.
    public var dateText: String
    /// What the finding is about (the document's ID, say), for the message.
    public var subject: String
    public var owner: String?
    public var location: SourceLocation

    public init(date: Timestamp, dateText: String, subject: String, owner: String?, location: SourceLocation) {
        self.date = date
        self.dateText = dateText
        self.subject = subject
        self.owner = owner
        self.location = location
    }
}

extension DatedRule {
    /// The rule's diagnostic about `input` of the document at `path`, on the context's day.
    public func diagnostic(_ input: DatedInput, path: RepositoryPath, context: RuleContext) -> Diagnostic? {
        guard let message = message(for: input, today: context.today) else { return nil }
        let description = Self.description
        return Diagnostic(path: path, location: input.location,
                          severity: context.ruleset.severity(of: description.id, name: description.name, default: description.severity),
                          ruleID: description.id, message: message, owner: input.owner)
    }
}

/// A dated rule run with the repository rules in a full validation: it visits each document,
/// reads its inputs and judges them on the context's day.
struct DatedRuleCheck: DocumentwiseRule {
    static var description: RuleDescription { RuleDescription(id: "", name: "", summary: "", rationale: "", bad: [:], good: [:]) }
    let rule: any DatedRule

    func check(_ document: Document, in index: RepositoryIndex, context: RuleContext, into diagnostics: inout [Diagnostic]) {
        for input in rule.inputs(of: document, in: context.ruleset) {
            if let found = rule.diagnostic(input, path: document.path, context: context) { diagnostics.append(found) }
        }
    }
}
