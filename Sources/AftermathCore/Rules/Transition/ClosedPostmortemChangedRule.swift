/// A closed postmortem is a record: its documents stay as they were closed.
public struct ClosedPostmortemChangedRule: TransitionRule {
    static let closed = RuleExamples.edit(RuleExamples.postmortemPath, "status: published", "status: closed\nclosed_at: 2026-03-09\nclosed_by: carol")
        .merging(RuleExamples.edit(RuleExamples.findingPath, "status: open", "status: resolved")) { $1 }
        .merging(RuleExamples.edit(RuleExamples.remediationPath, "status: open", "status: done\nresolved_at: 2026-03-08\nresolution: Enabled automatic failover.")) { $1 }

    public static let description = RuleDescription(
        id: RuleID.closedPostmortemChanged, name: "closed-postmortem-changed",
        summary: "Once a postmortem is closed, neither it nor its findings and remediation items may change or disappear, unless the same commit reopens it (`status: published` with a `reopened_reason`).",
        rationale: "A closed postmortem is the record the organisation relied on; silently rewriting it afterwards destroys the audit trail.",
        bad: closed.merging([RuleExamples.remediationPath: closed[RuleExamples.remediationPath]!
            .replacing("Enabled automatic failover.", with: "Nothing was needed.").replacing("id:", with: "↓id:")]) { $1 },
        good: closed.merging(RuleExamples.edit(RuleExamples.postmortemPath, "status: published", "status: published\nreopened_reason: Failover failed again on 2026-04-02.")) { $1 }
            .merging([RuleExamples.remediationPath: closed[RuleExamples.remediationPath]!.replacing("status: done", with: "status: open").replacing("resolved_at: 2026-03-08\nresolution: Enabled automatic failover.\n", with: "")]) { $1 }
            .merging(RuleExamples.edit(RuleExamples.findingPath, "status: open", "status: open")) { $1 },
        before: closed,
        mentions: ["R-2026-001-01", "closed postmortem PM-2026-001", "reopen"])

    public init() {}

    public func check(before: RepositoryIndex, after: RepositoryIndex, in context: RuleContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for pm in before.documents(of: .postmortem) where pm.status == "closed" {
            if let now = after[pm.id], now.status == "published", now.string("reopened_reason") != nil { continue }
            for old in before.tree(of: pm.id) {
                if let new = after[old.id] {
                    guard new.fingerprint != old.fingerprint else { continue }
                    diagnostics.append(context.diagnostic(Self.description, new, at: new.location(of: "id"),
                        "\(new.id) belongs to closed postmortem \(pm.id) and may not change; reopen \(pm.id) (status: published with reopened_reason) in the same commit"))
                } else if let anchor = after[pm.id] {
                    diagnostics.append(context.diagnostic(Self.description, anchor, at: anchor.location(of: "status"),
                        "\(old.id) (\(old.path)) of closed postmortem \(pm.id) was removed; closed postmortems keep all their documents"))
                } else {
                    diagnostics.append(Diagnostic(path: old.path, location: .fileStart, severity: .error, ruleID: RuleID.closedPostmortemChanged,
                        message: "\(old.id) of closed postmortem \(pm.id) was removed; closed postmortems keep all their documents"))
                }
            }
        }
        return diagnostics
    }
}
