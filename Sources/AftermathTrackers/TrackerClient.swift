import Foundation
import AftermathCore

/// An issue `aftermath bugs file` asks a tracker to create.
public struct IssueDraft: Sendable {
    public var title: String
    public var body: String
    public var labels: [String]
    /// The owner's account on this tracker (`owners.yml`), when known.
    public var assignee: String?
    /// `YYYY-MM-DD`, where the tracker has due dates.
    public var due: String?
    /// A label naming the document (`aftermath-F-2026-001-01`): looked for before creating, so
    /// a retry after a lost answer finds the issue the first attempt made.
    public var marker: String

    public init(title: String, body: String, labels: [String], assignee: String?, due: String?, marker: String) {
        self.title = title
        self.body = body
        self.labels = labels
        self.assignee = assignee
        self.due = due
        self.marker = marker
    }
}

/// An issue a tracker holds: its reference in the tracker's form and its web address.
public struct FiledIssue: Sendable, Equatable {
    public var reference: String
    public var url: String?
}

/// One tracker's API: states of referenced issues, and filing new ones. Each kind is one type
/// (`JiraClient`, `GitHubClient`, `GitLabClient`); all requests go through `HTTPTransport`.
public protocol TrackerClient: Sendable {
    var tracker: Tracker { get }
    /// The references split into the requests that fetch them (batched as the API allows).
    func batches(_ references: [String]) -> [[String]]
    /// The states of one batch, one per reference (`TrackerState.missing` for those the
    /// tracker does not have). `kept` holds what the last refresh kept (conditional requests
    /// send its ETags back).
    func states(of batch: [String], kept: TrackerStates, fetchedAt: Timestamp) throws(TrackerError) -> [TrackerState]
    /// The issue already filed for a document, found by its marker label.
    func filed(marker: String) throws(TrackerError) -> FiledIssue?
    /// The request that creates the issue (shown by `--dry-run`).
    func createRequest(_ draft: IssueDraft) throws(TrackerError) -> HTTPRequest
    func create(_ draft: IssueDraft) throws(TrackerError) -> FiledIssue
}

public enum TrackerClients {
    /// The client for a tracker with an API, its credentials read from the network's environment now.
    public static func client(for tracker: Tracker, network: TrackerNetwork,
                              retrying: HTTPTransport.Retrying = .init()) throws(TrackerError) -> any TrackerClient {
        guard let api = tracker.api, let base = api.base else {
            throw TrackerError(tracker: tracker.name, .unsupported, "no `kind` and `api` are configured, so its issues cannot be looked up")
        }
        if let problem = network.caBundleProblems[tracker.name] {
            throw TrackerError(tracker: tracker.name, .unsupported, "its `ca_bundle` cannot be read: \(problem)")
        }
        let credentials = try TrackerCredentials.read(tracker.name, api, environment: network.environment)
        let transport = HTTPTransport(tracker: tracker.name, timeout: api.timeoutSeconds, secrets: credentials.secrets,
                                      tokenVariable: api.tokenVariable, network: network, base: base, retrying: retrying)
        let connection = TrackerConnection(base: base, credentials: credentials, transport: transport)
        switch api.kind {
        case .jira: return JiraClient(tracker: tracker, api: api, connection: connection)
        case .github: return GitHubClient(tracker: tracker, api: api, connection: connection)
        case .gitlab: return GitLabClient(tracker: tracker, api: api, connection: connection)
        }
    }
}

/// What every client sends through: the base URL, the credentials and the transport.
struct TrackerConnection: Sendable {
    var base: String
    var credentials: TrackerCredentials
    var transport: HTTPTransport

    func request(_ path: String, method: String = "GET", query: [(String, String)] = [], json: Any? = nil) -> HTTPRequest {
        var url = base + path
        if !query.isEmpty {
            url += "?" + query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        }
        var headers: [(name: String, value: String)] = [("Accept", "application/json"), ("User-Agent", "aftermath"), credentials.header]
        var body: [UInt8]?
        if let json {
            headers.append(("Content-Type", "application/json"))
            body = HTTPRequest.json(json)
        }
        return HTTPRequest(method: method, url: url, headers: headers, body: body)
    }

    func send(_ request: HTTPRequest, accept: Set<Int> = []) throws(TrackerError) -> HTTPResponse {
        try transport.send(request, accept: accept)
    }

    /// The answer's JSON, or a clear error when it is not JSON of the expected shape.
    func json<T>(_ response: HTTPResponse, as type: T.Type, _ what: String) throws(TrackerError) -> T {
        guard let value = response.json() as? T else {
            throw transport.fail(.badResponse, "the answer to \(what) is not the JSON the API documents (HTTP \(response.status), \(response.body.count) bytes)")
        }
        return value
    }

    /// Query and path components percent-encoded (RFC 3986 unreserved characters kept).
    static func encode(_ text: String) -> String {
        var allowed = Foundation.CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
