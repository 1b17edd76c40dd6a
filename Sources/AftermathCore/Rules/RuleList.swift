/// The document, repository and dated rules one validation applies (`Ruleset.rules`).
public struct RuleList: Sendable {
    public var document: [any DocumentRule]
    public var repository: [any RepositoryRule]
    public var dated: [any DatedRule]

    public init(document: [any DocumentRule], repository: [any RepositoryRule], dated: [any DatedRule] = []) {
        self.document = document
        self.repository = repository
        self.dated = dated
    }

    /// The dated rule with this ID, as a summary names it.
    public func datedRule(_ id: String) -> (any DatedRule)? {
        dated.first { type(of: $0).description.id == id }
    }

    /// Every rule of the catalogue.
    public static let standard = RuleCatalogue.rules
}
