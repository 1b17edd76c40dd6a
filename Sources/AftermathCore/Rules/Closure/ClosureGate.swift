/// The closure rule of DESIGN.md section 3, as a pure function: what stands between a
/// postmortem and `status: closed`. Used by `close` (before writing) and by the closure
/// rules (after a hand edit already says `closed`).
public enum ClosureGate {
    public struct Blocker: Sendable {
        public var document: Document
        public var ruleID: String
        public var message: String
        public var location: SourceLocation
        public var owner: String?
    }

    public static func blockers(for postmortem: Document, in index: RepositoryIndex) -> [Blocker] {
        var blockers: [Blocker] = []
        for finding in index.linked(to: postmortem.id, kind: .finding) {
            if finding.isOpen {
                blockers.append(Blocker(document: finding, ruleID: RuleID.closureOpenFinding,
                    message: "finding \(finding.id) is `\(finding.status ?? "unset")`; it must be resolved or accepted-risk",
                    location: finding.location(of: "status"), owner: finding.owner))
            }
            for item in index.linked(to: finding.id, kind: .remediation) where item.isOpen {
                blockers.append(Blocker(document: item, ruleID: RuleID.closureOpenRemediation,
                    message: "remediation item \(item.id) is `\(item.status ?? "unset")`; it must be done or wont-fix",
                    location: item.location(of: "status"), owner: item.owner))
            }
        }
        return blockers
    }
}
