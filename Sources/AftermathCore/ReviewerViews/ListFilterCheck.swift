/// Filter values of a listing that no document could match because the repository does not
/// know them (`--status finished`, `--category manual-eror`): a typo would otherwise list
/// nothing and look like good news. Known values are those of the configuration (statuses
/// from the transition table, severities from the due-date policy), the design's categories,
/// and any value a listed document holds (a repository schema may allow more).
public enum ListFilterCheck {
    public static let categories = ["technical-lapse", "procedural-failure", "manual-error", "process-flaw", "communication-glitch", "attack-vector"]

    /// The first unknown value, as a message with the closest known value, or nil.
    public static func problem(_ query: ListQuery, index: ListedIndex, ruleset: Ruleset) -> String? {
        // Nothing to check, nothing read: a plain listing pays nothing for this.
        guard !query.statuses.isEmpty || !query.severities.isEmpty || !query.categories.isEmpty else { return nil }
        let kinds = query.kinds.sorted { $0.rawValue < $1.rawValue }
        var statuses = Set<String>()
        for kind in kinds {
            for (from, to) in ruleset.configuration.transitions[kind] ?? [:] { statuses.insert(from); statuses.formUnion(to) }
            statuses.formUnion(index.documents(of: kind).compactMap(\.status))
        }
        let severities = Set(ruleset.configuration.remediationDueDays.keys).union(index.documents(of: .postmortem).compactMap { $0.string("severity") })
        let categories = Set(Self.categories).union(index.documents(of: .finding).compactMap { $0.string("category") })
        let checks: [(option: String, given: Set<String>, known: Set<String>)] = [
            ("--status", query.statuses, statuses), ("--severity", query.severities, severities), ("--category", query.categories, categories),
        ]
        for check in checks {
            for value in check.given.sorted() where !check.known.contains(value) {
                let known = check.known.sorted()
                return "\(check.option) `\(value)` is not one of \(known.map { "`\($0)`" }.joined(separator: ", "))"
                    + Suggestion.hint(Suggestion.closest(to: value, among: known))
            }
        }
        return nil
    }
}
