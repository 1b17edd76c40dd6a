/// A small valid repository that every rule's examples are laid over. `aftermath explain`
/// prints the changed files; the rule-examples test validates both variants.
public enum RuleExamples {
    public static let today = "2026-03-10"
    public static let postmortemPath = "postmortems/PM-2026-001-db-outage/postmortem.md"
    public static let findingPath = "postmortems/PM-2026-001-db-outage/findings/F-2026-001-01-no-failover.md"
    public static let remediationPath = "postmortems/PM-2026-001-db-outage/remediations/R-2026-001-01-automate-failover.md"

    public static let postmortem = """
    ---
    id: PM-2026-001
    kind: postmortem
    title: Primary database outage
    status: published
    severity: sev2
    authors: [alice]
    approved_by: carol
    incident:
      detected_at: 2026-03-01T10:05:00Z
      declared_at: 2026-03-01T10:10:00Z
      contained_at: 2026-03-01T11:00:00Z
      recovered_at: 2026-03-01T12:00:00Z
    customer_impact: true
    data_breach: false
    ---
    ## Summary
    The primary database stopped accepting writes for two hours.

    ## Timeline
    - 2026-03-01 10:05 Disk-full alert fires
    - 2026-03-01 10:10 Incident declared

    ## Root cause
    WAL archiving stalled and filled the disk.

    ## Response
    Archiving restarted by hand.

    ## Lessons
    Failover was manual.

    """

    public static let finding = """
    ---
    id: F-2026-001-01
    kind: finding
    postmortem: PM-2026-001
    title: No automatic failover
    category: technical-lapse
    owner: bob
    bugs: [JIRA:OPS-12]
    status: open
    ---
    Failover needed a human.

    """

    public static let remediation = """
    ---
    id: R-2026-001-01
    kind: remediation
    finding: F-2026-001-01
    title: Automate failover
    owner: bob
    due: 2026-03-20
    status: open
    ---
    Use the cluster manager's automatic failover.

    """

    public static let base: [String: String] = [
        ".aftermath.yml": "roots: [postmortems]\nowners: owners.yml\n",
        "owners.yml": """
        people:
          - {handle: alice, name: Alice Moreau, email: alice@example.org, aliases: [amoreau]}
          - {handle: bob, name: Bob Okafor, email: bob@example.org}
          - {handle: carol, name: Carol Diaz, email: carol@example.org}
        teams:
          - {handle: sre, name: Site Reliability, members: [alice, bob], lead: alice}

        """,
        postmortemPath: postmortem,
        findingPath: finding,
        remediationPath: remediation,
    ]

    /// The base file at `path` with one text replaced, as an overlay.
    public static func edit(_ path: String, _ old: String, _ new: String) -> [String: String] {
        guard let text = base[path] else { return [:] }
        return [path: text.replacing(old, with: new)]
    }

    /// Several edits of one file.
    public static func edit(_ path: String, _ changes: [(String, String)]) -> [String: String] {
        var text = base[path] ?? ""
        for (old, new) in changes { text = text.replacing(old, with: new) }
        return [path: text]
    }

    /// The base with `overlay` laid over it, marks taken out; an empty text removes the file.
    public static func merged(_ overlay: [String: String]) -> [String: String] {
        base.merging(overlay.mapValues { MarkedText($0).text }) { $1 }.filter { !$0.value.isEmpty }
    }
}
