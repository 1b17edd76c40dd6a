public enum Statuses {
    /// An array, not a set: one or two short words compare faster than a hash, and every rule
    /// asks of every document.
    public static func resolved(_ kind: DocumentKind) -> [String] {
        switch kind {
        case .postmortem: return postmortem
        case .finding: return finding
        case .remediation: return remediation
        }
    }

    private static let postmortem = ["closed"]
    private static let finding = ["resolved", "accepted-risk"]
    private static let remediation = ["done", "wont-fix"]
}
