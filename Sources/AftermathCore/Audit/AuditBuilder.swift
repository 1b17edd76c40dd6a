/// Builds the evidence of an audit from one commit's documents, their validation and their
/// history. Pure: everything it reads is handed in, so the same inputs give the same pack.
public struct AuditBuilder: Sendable {
    public var index: RepositoryIndex
    public var ruleset: Ruleset
    /// The validation of the evidence commit (its errors become exceptions).
    public var diagnostics: [Diagnostic]
    public var commit: CommitMeta
    public var period: AuditPeriod
    public var frameworks: [AuditFramework]
    public var sample: AuditSample?
    public var uncommitted: [String]
    public var history: AuditHistory

    public init(index: RepositoryIndex, ruleset: Ruleset, diagnostics: [Diagnostic], commit: CommitMeta, period: AuditPeriod,
                frameworks: [AuditFramework], sample: AuditSample?, uncommitted: [String], history: AuditHistory) {
        self.index = index
        self.ruleset = ruleset
        self.diagnostics = diagnostics
        self.commit = commit
        self.period = period
        self.frameworks = frameworks
        self.sample = sample
        self.uncommitted = uncommitted
        self.history = history
    }

    /// The day open items are judged on: the evidence commit's (author) date.
    public var asOf: Timestamp {
        Timestamp(secondsSinceEpoch: (Double(commit.time) / 86_400).rounded(.down) * 86_400)
    }

    public func build() -> AuditEvidence {
        let scope = AuditScope(index: index, period: period, sample: sample)
        var exceptions: [AuditException] = []
        var incidents: [IncidentEvidence] = []
        for pm in scope.selected {
            var incident = IncidentFacts(postmortem: pm, builder: self)
            incidents.append(incident.build())
            exceptions += incident.exceptions
        }
        exceptions += validationExceptions(scope)
        exceptions += uncommitted.sorted().map {
            AuditException(.uncommittedChanges, incident: nil, message: "\($0) had uncommitted changes when the pack was made (--allow-dirty); the pack shows the commit only")
        }
        let order = Dictionary(AuditException.Kind.allCases.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        exceptions.sort {
            ($0.incident ?? "\u{10FFFF}", order[$0.kind] ?? 0, $0.document ?? "", $0.commit ?? "", $0.message)
                < ($1.incident ?? "\u{10FFFF}", order[$1.kind] ?? 0, $1.document ?? "", $1.commit ?? "", $1.message)
        }
        return AuditEvidence(
            period: period, commit: CitedCommit(commit, signature: history.signatures[commit.id]), asOf: asOf.dateString,
            frameworks: frameworks, notificationHours: ruleset.configuration.notificationHours,
            selection: .init(declared: scope.declared.count, sample: sample?.size, seed: sample?.seed),
            uncommitted: uncommitted.sorted(), incidents: incidents, exceptions: exceptions, commits: cited(incidents))
    }

    /// Every validation error of the commit: those in an incident's documents under it, the
    /// rest for the repository as a whole.
    private func validationExceptions(_ scope: AuditScope) -> [AuditException] {
        var owner: [RepositoryPath: (incident: String, document: String)] = [:]
        for pm in scope.selected {
            for document in index.tree(of: pm.id) { owner[document.path] = (pm.id, document.id) }
        }
        return diagnostics.filter { $0.severity == .error }.map { d in
            let place = owner[d.path]
            return AuditException(.validationError, incident: place?.incident, document: place?.document == place?.incident ? nil : place?.document,
                                  message: "\(d.path.text):\(d.location.line):\(d.location.column): \(d.message) [\(d.ruleID)]")
        }
    }

    /// The commits the incidents cite, and the evidence commit, oldest first.
    private func cited(_ incidents: [IncidentEvidence]) -> [CitedCommit] {
        var ids = Set<String>([commit.id])
        for incident in incidents {
            ids.formUnion(incident.facts.compactMap(\.commit))
            ids.formUnion(incident.notices.compactMap(\.commit))
            ids.formUnion([incident.published?.commit, incident.closed?.commit, incident.approval.commit].compactMap { $0 })
            ids.formUnion(incident.findings.compactMap(\.commit))
            ids.formUnion(incident.items.compactMap(\.doneCommit))
            ids.formUnion(incident.items.flatMap(\.slips).map(\.commit))
            ids.formUnion(incident.reopenings.map(\.commit))
            ids.formUnion(incident.changesAfterClosing.map(\.commit))
        }
        var known: [String: (order: Int, meta: CommitMeta)] = [:]
        for version in history.versions.values.joined() { known[version.commit.id] = (version.order, version.commit) }
        known[commit.id] = (Int.max, commit)
        return ids.compactMap { known[$0] }.sorted { ($0.order, $0.meta.id) < ($1.order, $1.meta.id) }
            .map { CitedCommit($0.meta, signature: history.signatures[$0.meta.id]) }
    }
}
