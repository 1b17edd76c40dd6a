/// The document and repository rules one validation applies (`Ruleset.rules`).
public struct RuleList: Sendable {
    public var document: [any DocumentRule]
    public var repository: [any RepositoryRule]

    public init(document: [any DocumentRule], repository: [any RepositoryRule]) {
        self.document = document
        self.repository = repository
    }

    /// Every rule of the catalogue.
    public static let standard = RuleCatalogue.rules
}
