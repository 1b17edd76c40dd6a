/// The closure rule of DESIGN.md section 3, as a pure function: what stands between a
/// postmortem and `status: closed`. Used by `close` (before writing) and by the closure
/// rules (after a hand edit already says `closed`).
public enum ClosureGate {
    /// An open finding or item under the postmortem. Of a read document (`Document`) it also
    /// says where: its `status` field.
    public struct Blocker<D: DocumentFields>: Sendable {
        public var document: D
        public var ruleID: String
        public var message: String
        public var owner: String?
    }

    /// Asked of a rule's index or of a review listing's alike.
    public static func blockers<D: DocumentFields>(for postmortem: D, in index: DocumentIndex<D>) -> [Blocker<D>] {
        var blockers: [Blocker<D>] = []
        for finding in index.linked(to: postmortem.id, kind: .finding) {
            if finding.isOpen {
                blockers.append(Blocker(document: finding, ruleID: RuleID.closureOpenFinding,
                    message: "finding \(finding.id) is `\(finding.status ?? "unset")`; it must be resolved or accepted-risk",
                    owner: finding.owner))
            }
            for item in index.linked(to: finding.id, kind: .remediation) where item.isOpen {
                blockers.append(Blocker(document: item, ruleID: RuleID.closureOpenRemediation,
                    message: "remediation item \(item.id) is `\(item.status ?? "unset")`; it must be done or wont-fix",
                    owner: item.owner))
            }
        }
        return blockers
    }
}

extension ClosureGate.Blocker where D == Document {
    /// Where the blocking status is written.
    public var location: SourceLocation { document.location(of: "status") }
}
