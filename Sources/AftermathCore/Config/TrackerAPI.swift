/// How Aftermath talks to a tracker's API (`kind`, `api`, `token_env` … of a tracker in
/// `.aftermath.yml`). Only names of environment variables are configured: a token never
/// comes from the repository.
public struct TrackerAPI: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case jira, github, gitlab

        /// The named groups a tracker's `pattern` must have for its references to be looked up.
        public var requiredGroups: [String] {
            switch self {
            case .jira: return ["key"]
            case .github: return ["repo", "number"]
            case .gitlab: return ["project", "number"]
            }
        }

        /// The API base used when `api` is not given.
        public var defaultBase: String? {
            switch self {
            case .jira: return nil
            case .github: return "https://api.github.com"
            case .gitlab: return "https://gitlab.com/api/v4"
            }
        }
    }

    public var kind: Kind
    /// The base URL, without a trailing slash.
    public var base: String?
    public var tokenVariable: String?
    /// Jira Cloud: the variable holding the account's email (basic auth `email:token`); without
    /// it a Jira tracker is Data Center (bearer personal access token).
    public var emailVariable: String?
    /// Where `bugs file` creates issues (Jira project key, GitHub `owner/repo`, GitLab project path).
    public var project: String?
    public var issueType: String?
    public var labels: [String]
    public var timeoutSeconds: Int
    /// A PEM file in the repository holding the certificate authorities its HTTPS certificate
    /// is checked against (a private CA), instead of the system's.
    public var caBundle: String?
    /// GitHub: states through conditional REST requests (one issue each, `If-None-Match` with
    /// the kept ETag) rather than GraphQL.
    public var restStates: Bool

    public init(kind: Kind, base: String? = nil, tokenVariable: String? = nil, emailVariable: String? = nil,
                project: String? = nil, issueType: String? = nil, labels: [String] = [], timeoutSeconds: Int = 30,
                caBundle: String? = nil, restStates: Bool = false) {
        self.kind = kind
        var trimmed = base ?? kind.defaultBase
        while trimmed?.hasSuffix("/") == true { trimmed?.removeLast() }
        self.base = trimmed
        self.tokenVariable = tokenVariable
        self.emailVariable = emailVariable
        self.project = project
        self.issueType = issueType
        self.labels = labels
        self.timeoutSeconds = timeoutSeconds
        self.caBundle = caBundle
        self.restStates = restStates
    }

    /// Jira Cloud (REST v3, basic auth) rather than Data Center (REST v2, bearer token).
    public var isJiraCloud: Bool { kind == .jira && emailVariable != nil }
}
