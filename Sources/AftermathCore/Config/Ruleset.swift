/// Everything that judges documents: configuration, owners and compiled schemas. It is read
/// from one snapshot; for a range or a push it comes from the trusted base, never from the
/// commits being judged, so they cannot relax the rules they are checked against.
public struct Ruleset: Sendable {
    public var configuration: RepositoryConfiguration
    public var owners: OwnerRegistry
    public var schemas: [DocumentKind: CompiledSchema]
    /// Where each schema came from (`schema/finding.schema.json` or `built-in`), for messages.
    public var schemaSources: [DocumentKind: String]
    /// Identifies everything a parse result depends on (configuration and schema bytes, and
    /// the core's own rules): cached parse results are only reused under the same fingerprint.
    public var fingerprint: UInt64 = 0
    /// The rules applied: the catalogue's. Tests of the validation machinery plant others here
    /// to check that the machinery holds for any rule keeping the incremental contract.
    public var rules: RuleList = .standard
    /// What trackers last said of referenced issues (`keeping(_:today:)`); empty offline.
    public var trackerStates: TrackerStates {
        get { configuration.trackers.states }
        set { configuration.trackers.states = newValue }
    }

    public init(configuration: RepositoryConfiguration, owners: OwnerRegistry,
                schemas: [DocumentKind: CompiledSchema], schemaSources: [DocumentKind: String]) {
        self.configuration = configuration
        self.owners = owners
        self.schemas = schemas
        self.schemaSources = schemaSources
    }

    /// The repository's own schema file for documents of `kind`, nil when the built-in one is used.
    public func ownSchemaFile(for kind: DocumentKind) -> String? {
        schemaSources[kind].flatMap { $0.hasPrefix("built-in") ? nil : $0 }
    }

    /// This ruleset with schemas of its own (`CompiledSchema.copy`), for one of several
    /// threads parsing `documents` documents side by side; itself for a few documents, where
    /// compiling again would cost more than it saves.
    public func copyForThread(parsing documents: Int) -> Ruleset {
        guard documents > 1000 else { return self }
        var copy = self
        copy.schemas = schemas.mapValues { $0.copy() }
        return copy
    }

    /// The severity a rule reports at, after `policies.errors` promotions.
    public func severity(of ruleID: String, name: String, default severity: Severity) -> Severity {
        let promoted = configuration.promotedRules
        return promoted.contains(ruleID) || promoted.contains(name) ? .error : severity
    }
}

/// Configuration files that cannot be used; the CLI exits 2 and prints them.
public struct ConfigurationError: Error, Sendable {
    public var diagnostics: [Diagnostic]
}
