/// Remediation due dates must fall within the severity's service level after the incident.
public struct DueDatePolicyRule: DocumentwiseRule {
    public static let description = RuleDescription(
        id: RuleID.dueBeyondPolicy, name: "due-date-policy", severity: .warning,
        summary: "A remediation item must be due no later than N days after its incident's `declared_at` (defaults: sev1 15, sev2 30, sev3 60, sev4 90; `policies.remediation_due_days`).",
        rationale: "Action-item SLOs (PagerDuty's and Atlassian's published practice) keep fixes from drifting into the next incident.",
        bad: RuleExamples.edit(RuleExamples.remediationPath, "due: 2026-03-20", "↓due: 2026-06-20"),
        good: RuleExamples.edit(RuleExamples.remediationPath, "due: 2026-03-20", "due: 2026-03-25"),
        mentions: ["2026-06-20", "30 days", "sev2"])

    public init() {}

    public func check(_ item: Document, in index: RepositoryIndex, context: RuleContext, into diagnostics: inout [Diagnostic]) {
        // A finished item's due date no longer steers anything: the policy is about fixes to come.
        guard item.kind == .remediation, !Self.finished.contains(item.status ?? ""),
              let dueText = item.string("due"), let due = Timestamp.parseDate(dueText),
              let pm = index.postmortem(of: item), let policy = Policy(pm, days: context.ruleset.configuration.remediationDueDays) else { return }
        let latest = policy.declared.secondsSinceEpoch + Double(policy.limit) * 86_400
        guard due.secondsSinceEpoch > latest else { return }
        diagnostics.append(context.diagnostic(Self.description, item, at: item.location(of: "due"),
            "due \(dueText) is more than \(policy.limit) days after \(pm.id) was declared (\(policy.severity) policy)", owner: item.owner))
    }

    static let finished: Set<String> = ["done", "wont-fix"]

    /// A postmortem's service level: its severity's days from the declaration.
    struct Policy {
        var severity: String
        var limit: Int
        var declared: Timestamp

        init?(_ pm: Document, days: [String: Int]) {
            guard let severity = pm.string("severity"), let limit = days[severity],
                  let declaredText = pm.field("incident")?["declared_at"]?.stringValue,
                  let declared = Timestamp.parseDateTime(declaredText) else { return nil }
            (self.severity, self.limit, self.declared) = (severity, limit, declared)
        }
    }
}
