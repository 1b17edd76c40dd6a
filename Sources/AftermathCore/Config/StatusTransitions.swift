/// The default `status` moves allowed between commits (configurable under `transitions:`).
/// Staying in the same status is always allowed; a document may start in any status.
public enum StatusTransitions {
    public static let defaults: [DocumentKind: [String: Set<String>]] = [
        .postmortem: [
            "draft": ["in-review"],
            "in-review": ["draft", "published"],
            "published": ["in-review", "closed"],
            // Reopening needs `reopened_reason` (checked by the closed-postmortem rule).
            "closed": ["published"],
        ],
        .finding: [
            "open": ["resolved", "accepted-risk"],
            "resolved": ["open"],
            "accepted-risk": ["open"],
        ],
        .remediation: [
            "proposed": ["open", "in-progress", "wont-fix"],
            "open": ["proposed", "in-progress", "done", "wont-fix"],
            "in-progress": ["open", "done", "wont-fix"],
            "done": ["open", "in-progress"],
            "wont-fix": ["open", "proposed"],
        ],
    ]
}
