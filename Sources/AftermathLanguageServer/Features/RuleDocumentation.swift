/// Where a rule's documentation is, for `Diagnostic.codeDescription`: the rules of the
/// documents page (each rule's ID, name and default severity; `aftermath explain` prints one).
enum RuleDocumentation {
    static let page = "https://github.com/your-org/aftermath/blob/main/docs/documents.md#rules"

    /// The URL for `ruleID` (`AM206`); nil for diagnostics that are not a rule's (configuration
    /// problems).
    static func url(for ruleID: String) -> String? {
        let scalars = Array(ruleID.unicodeScalars)
        guard scalars.count == 5, ruleID.hasPrefix("AM"), scalars.dropFirst(2).allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return page
    }
}
