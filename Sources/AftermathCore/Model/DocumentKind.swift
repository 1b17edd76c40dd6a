public enum DocumentKind: String, Sendable, CaseIterable, Codable, Comparable {
    case postmortem
    case finding
    case remediation

    /// The ID prefix of this kind: `PM-`, `F-`, `R-`.
    public var idPrefix: String {
        switch self {
        case .postmortem: return "PM-"
        case .finding: return "F-"
        case .remediation: return "R-"
        }
    }

    public var schemaFile: String { "\(rawValue).schema.json" }

    public static func fromID(_ id: String) -> DocumentKind? {
        allCases.first { id.hasPrefix($0.idPrefix) }
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: DocumentKind, b: DocumentKind) -> Bool { a.order < b.order }
}
