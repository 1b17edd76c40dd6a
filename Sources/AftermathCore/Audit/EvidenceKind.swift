/// The kinds of evidence a pack holds for an incident; controls name the kinds that support
/// them, and each exception belongs to one.
public enum EvidenceKind: String, Sendable, CaseIterable {
    /// Declared and detected: that the event was assessed and declared an incident.
    case declaration
    /// Contained and recovered.
    case containment
    /// The breach and the customers' notification against the deadline.
    case notification
    /// The postmortem written and published.
    case postmortem
    /// The review sign-off (`approved_by`) and who committed it.
    case approval
    /// Findings by category, with owners and bugs.
    case findings
    /// Remediation items: due, done (from history), on time or late, due-date slips.
    case remediation
    /// The closing: when, by whom, with what accepted risks.
    case closure
    /// The records' history: reopenings, changes after closing, signed commits.
    case integrity
}
