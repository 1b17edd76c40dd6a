/// `.aftermath.yml`, with every default filled in (docs/configuration.md lists them).
public struct RepositoryConfiguration: Sendable {
    public var roots: [String] = ["postmortems"]
    public var ownersPath: String = "owners.yml"
    public var trackers = TrackerSet(Tracker.defaults)
    public var sections: [DocumentKind: [String]] = [
        .postmortem: ["Summary", "Timeline", "Root cause", "Response", "Lessons"],
        .finding: [],
        .remediation: [],
    ]
    /// Days after `declared_at` by which a remediation item must be due, per severity.
    public var remediationDueDays: [String: Int] = ["sev1": 15, "sev2": 30, "sev3": 60, "sev4": 90]
    public var notificationHours = 72
    /// Kept tracker states older than this are reported as stale (`policies.tracker_state_days`).
    public var trackerStateDays = 14
    /// A document's web address for links back from tracker issues; `{path}` is its path.
    public var repositoryURL: String?
    /// Warnings promoted to errors, by rule ID or name.
    public var promotedRules: Set<String> = []
    public var limits = ParseLimits.standard
    /// Allowed `status` moves per kind, checked across commits (`--range`, the push hook).
    public var transitions: [DocumentKind: [String: Set<String>]] = StatusTransitions.defaults

    public init() {}

    public static let fileName = ".aftermath.yml"
    public static let schemaFolder = "schema"

    /// Reads the configuration from a front-matter-style YAML node already checked by its schema.
    init(node: Node) throws(ConfigurationProblem) {
        if let roots = node["roots"]?.arrayValue { self.roots = roots.compactMap(\.stringValue).map(Self.normalizeFolder) }
        if let owners = node["owners"]?.stringValue { ownersPath = owners }
        repositoryURL = node["repository_url"]?.stringValue
        if let trackers = node["trackers"]?.arrayValue {
            var list: [Tracker] = []
            for entry in trackers {
                guard let name = entry["name"]?.stringValue, let pattern = entry["pattern"]?.stringValue,
                      let url = entry["url"]?.stringValue else { continue }
                var tracker: Tracker
                do {
                    tracker = try Tracker(name: name, pattern: pattern, url: url)
                } catch {
                    throw ConfigurationProblem(location: entry.location(of: "pattern"),
                        message: "tracker `\(name)`: pattern cannot be used: \((error as? LinearRegex.CompileError)?.message ?? "invalid")")
                }
                tracker.api = try Self.trackerAPI(entry, tracker)
                list.append(tracker)
            }
            self.trackers = TrackerSet(list)
        }
        for kind in DocumentKind.allCases {
            if let headings = node["sections"]?[kind.rawValue]?.arrayValue { sections[kind] = headings.compactMap(\.stringValue) }
        }
        if let policies = node["policies"] {
            for entry in policies["remediation_due_days"]?.objectEntries ?? [] {
                if case .integer(let days) = entry.value.value { remediationDueDays[entry.key] = days }
            }
            if case .integer(let hours)? = policies["notification_hours"]?.value { notificationHours = hours }
            if case .integer(let days)? = policies["tracker_state_days"]?.value { trackerStateDays = days }
            promotedRules = Set(policies["errors"]?.stringList ?? [])
        }
        for kind in DocumentKind.allCases {
            guard let table = node["transitions"]?[kind.rawValue]?.objectEntries else { continue }
            transitions[kind] = Dictionary(uniqueKeysWithValues: table.map { ($0.key, Set($0.value.stringList)) })
        }
        if let limits = node["limits"] {
            if case .integer(let v)? = limits["max_file_bytes"]?.value { self.limits.maxFileBytes = v }
            if case .integer(let v)? = limits["max_front_matter_bytes"]?.value { self.limits.maxFrontMatterBytes = v }
            if case .integer(let v)? = limits["max_depth"]?.value { self.limits.maxDepth = v }
            if case .integer(let v)? = limits["max_schema_checks"]?.value { self.limits.maxSchemaChecks = v }
        }
    }

    /// A tracker's API settings, when it names a `kind`.
    static func trackerAPI(_ entry: Node, _ tracker: Tracker) throws(ConfigurationProblem) -> TrackerAPI? {
        guard let kindName = entry["kind"]?.stringValue, let kind = TrackerAPI.Kind(rawValue: kindName) else { return nil }
        let missing = kind.requiredGroups.filter { !tracker.groupNames.contains($0) }
        if !missing.isEmpty {
            throw ConfigurationProblem(location: entry.location(of: "pattern"),
                message: "tracker `\(tracker.name)`: a `\(kind.rawValue)` tracker's pattern needs the named group\(missing.count == 1 ? "" : "s") \(missing.map { "`(?<\($0)>…)`" }.joined(separator: " and "))")
        }
        let base = entry["api"]?.stringValue
        if base == nil, kind.defaultBase == nil {
            throw ConfigurationProblem(location: entry.location(of: "kind"),
                message: "tracker `\(tracker.name)`: a `jira` tracker needs `api`, its base URL (e.g. https://example.atlassian.net)")
        }
        var timeout = 30
        if case .integer(let seconds)? = entry["timeout_seconds"]?.value { timeout = seconds }
        let caBundle = entry["ca_bundle"]?.stringValue
        if let caBundle, let problem = RepositoryConfinement.lexicalProblem(caBundle) {
            throw ConfigurationProblem(location: entry.location(of: "ca_bundle"), message: "tracker `\(tracker.name)`: `ca_bundle` \(problem)")
        }
        var restStates = false
        if let states = entry["states_api"]?.stringValue {
            guard kind == .github else {
                throw ConfigurationProblem(location: entry.location(of: "states_api"),
                    message: "tracker `\(tracker.name)`: `states_api` is for `github` trackers (`graphql` or `rest`)")
            }
            restStates = states == "rest"
        }
        return TrackerAPI(kind: kind, base: base, tokenVariable: entry["token_env"]?.stringValue,
                          emailVariable: entry["email_env"]?.stringValue, project: entry["project"]?.stringValue,
                          issueType: entry["issue_type"]?.stringValue, labels: entry["labels"]?.stringList ?? [],
                          timeoutSeconds: timeout, caBundle: caBundle, restStates: restStates)
    }

    public static func normalizeFolder(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        while p.hasSuffix("/") { p = p.dropLast() }
        return String(p)
    }
}

/// A problem in a configuration file, at a place in it.
struct ConfigurationProblem: Error {
    var location: SourceLocation
    var message: String
}
