/// What the pre-commit hook refuses of a state beyond the state's own errors: the transition
/// rules from HEAD to it, judged by the state's rules (those being committed). The hook,
/// `validate` and the commands that edit documents all ask here, so they refuse alike.
public struct HeadTransitions: Sendable {
    /// HEAD's documents: all of them, or those the states judged against it can reach.
    public var head: RepositoryIndex
    public var context: RuleContext

    public init(head: RepositoryIndex, context: RuleContext) {
        self.head = head
        self.context = context
    }

    /// What committing `state` on HEAD is refused for.
    public func problems(in state: RepositoryIndex) -> [Diagnostic] {
        TransitionCheck.check(before: head, after: state, in: context)
    }

    /// The problems of `after` that `before` did not have (compared without line numbers):
    /// those an edit from `before` to `after` introduces.
    public func introduced(before: RepositoryIndex, after: RepositoryIndex) -> [Diagnostic] {
        struct Key: Hashable {
            var path: RepositoryPath
            var rule, message: String
        }
        let existing = Set(problems(in: before).map { Key(path: $0.path, rule: $0.ruleID, message: $0.message) })
        return problems(in: after).filter { !existing.contains(Key(path: $0.path, rule: $0.ruleID, message: $0.message)) }
    }
}
