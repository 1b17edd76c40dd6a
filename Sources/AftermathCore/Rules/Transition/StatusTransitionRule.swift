/// `status` moves only along the allowed transitions (configurable under `transitions:`).
public struct StatusTransitionRule: TransitionRule {
    public static let description = RuleDescription(
        id: RuleID.statusTransition, name: "status-transition",
        summary: "Between commits, `status` may only move along allowed transitions (defaults in the README; `transitions:` in .aftermath.yml).",
        rationale: "Skipping the review (draft straight to closed) or resurrecting a wont-fix as done hides decisions from reviewers.",
        bad: RuleExamples.edit(RuleExamples.postmortemPath, "status: published", "↓status: draft"),
        good: RuleExamples.edit(RuleExamples.remediationPath, "status: open", "status: in-progress"),
        before: [:],
        mentions: ["`published`", "`draft`"])

    public init() {}

    public func check(before: RepositoryIndex, after: RepositoryIndex, in context: RuleContext) -> [Diagnostic] {
        let table = context.ruleset.configuration.transitions
        return after.documents.compactMap { new in
            guard let old = before[new.id], old.kind == new.kind, let from = old.status, let to = new.status, from != to,
                  let allowed = table[new.kind]?[from], !allowed.contains(to) else { return nil }
            let options = allowed.sorted().joined(separator: ", ")
            return context.diagnostic(Self.description, new, at: new.location(of: "status"),
                "status may not move from `\(from)` to `\(to)`\(options.isEmpty ? "" : " (from `\(from)`: \(options))")")
        }
    }
}
