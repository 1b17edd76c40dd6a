/// Where a rule's documentation is, for `Diagnostic.codeDescription`: one page listing every
/// rule, an anchor per rule ID (lower case, as `aftermath explain` names them).
enum RuleDocumentation {
    static let page = "https://github.com/your-org/aftermath/blob/main/docs/rules.md"

    /// The URL for `ruleID` (`AM206` → `…/docs/rules.md#am206`); nil for diagnostics that are
    /// not a rule's (configuration problems).
    static func url(for ruleID: String) -> String? {
        let scalars = Array(ruleID.unicodeScalars)
        guard scalars.count == 5, ruleID.hasPrefix("AM"), scalars.dropFirst(2).allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return page + "#" + ruleID.lowercased()
    }
}
