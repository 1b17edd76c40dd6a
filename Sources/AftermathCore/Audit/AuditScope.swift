/// Which postmortems an audit covers: those declared in the period (by `incident.declared_at`
/// as the evidence commit records it), or a sample of them; and the documents under them.
public struct AuditScope: Sendable {
    /// Every postmortem declared in the period, sorted by ID.
    public var declared: [Document]
    /// The ones the pack shows.
    public var selected: [Document]

    public init(index: RepositoryIndex, period: AuditPeriod, sample: AuditSample?) {
        declared = index.documents(of: .postmortem).filter { pm in
            guard let declaredAt = pm.field("incident")?["declared_at"]?.stringValue.flatMap(Timestamp.parseDateTime) else { return false }
            return period.contains(declaredAt)
        }.sorted { $0.id < $1.id }
        if let sample {
            let picked = Set(sample.pick(declared.map(\.id)))
            selected = declared.filter { picked.contains($0.id) }
        } else {
            selected = declared
        }
    }

    /// The IDs whose history the evidence needs: each selected postmortem, its findings and
    /// their remediation items.
    public func documentIDs(in index: RepositoryIndex) -> Set<String> {
        Set(selected.flatMap { [$0.id] + index.tree(of: $0.id).map(\.id) })
    }
}
