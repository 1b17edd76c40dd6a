/// A control framework an audit pack maps its evidence to.
public enum AuditFramework: String, Sendable, CaseIterable {
    case iso27001, soc2, fedramp

    /// How the pack names it.
    public var title: String {
        switch self {
        case .iso27001: return "ISO/IEC 27001:2022 Annex A (2013 numbering alongside)"
        case .soc2: return "SOC 2 Trust Services Criteria (2017)"
        case .fedramp: return "FedRAMP: NIST SP 800-53 Rev. 5"
        }
    }

    /// The frameworks `--framework NAME` selects (`all`: every one).
    public static func selection(_ name: String) -> [AuditFramework]? {
        if name == "all" { return allCases }
        return AuditFramework(rawValue: name).map { [$0] }
    }
}
