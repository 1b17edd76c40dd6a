import Foundation
import AftermathCore

/// Jira: Cloud (REST v3 enhanced search `/rest/api/3/search/jql`, paged by `nextPageToken`;
/// basic auth with email and API token) or Data Center (REST v2 `/rest/api/2/search`, paged by
/// `startAt`; bearer personal access token). States come from one `key in (…)` search per
/// batch of keys; issues are created through `/rest/api/2/issue`, which both editions take
/// with a plain-text description.
struct JiraClient: TrackerClient {
    let tracker: Tracker
    let api: TrackerAPI
    let connection: TrackerConnection

    static let batchSize = 50
    static let fields = "status,resolution,assignee,updated,resolutiondate"

    func batches(_ references: [String]) -> [[String]] {
        stride(from: 0, to: references.count, by: Self.batchSize).map { Array(references[$0..<min($0 + Self.batchSize, references.count)]) }
    }

    func states(of batch: [String], kept: TrackerStates, fetchedAt: Timestamp) throws(TrackerError) -> [TrackerState] {
        var referencesByKey: [String: [String]] = [:]
        for reference in batch {
            if let key = tracker.fields(of: reference)?["key"] { referencesByKey[key.uppercased(), default: []].append(reference) }
        }
        var keys = referencesByKey.keys.sorted()
        var missing: Set<String> = []
        var found: [String: [String: Any]] = [:]
        // A search naming a key Jira does not have is refused whole (HTTP 400 naming the key):
        // those keys are missing, and the search is made again without them.
        while !keys.isEmpty {
            switch try search("key in (\(keys.map(Self.quoted).joined(separator: ", ")))") {
            case .issues(let issues):
                for issue in issues { if let key = issue["key"] as? String { found[key.uppercased()] = issue } }
                keys = []
            case .unknownKeys(let messages):
                let named = keys.filter { key in messages.contains { $0.contains("'\(key)'") || $0.contains("\"\(key)\"") } }
                guard !named.isEmpty else {
                    throw connection.transport.fail(.badResponse, "the search was refused: \(messages.prefix(2).joined(separator: "; "))")
                }
                missing.formUnion(named)
                keys.removeAll { named.contains($0) }
            }
        }
        return batch.map { reference in
            let key = tracker.fields(of: reference)?["key"]?.uppercased() ?? ""
            guard !missing.contains(key), let issue = found[key] else { return .missing(reference, tracker: tracker.name, fetchedAt: fetchedAt) }
            return Self.state(reference, issue, tracker: tracker.name, fetchedAt: fetchedAt)
        }
    }

    enum SearchOutcome { case issues([[String: Any]]), unknownKeys([String]) }

    /// Every page of a search.
    func search(_ jql: String) throws(TrackerError) -> SearchOutcome {
        var issues: [[String: Any]] = []
        var nextPageToken: String?
        var startAt = 0
        while true {
            var query = [("jql", jql), ("fields", Self.fields), ("maxResults", "\(Self.batchSize)")]
            let path: String
            if api.isJiraCloud {
                path = "/rest/api/3/search/jql"
                if let nextPageToken { query.append(("nextPageToken", nextPageToken)) }
            } else {
                path = "/rest/api/2/search"
                query += [("startAt", "\(startAt)"), ("validateQuery", "warn")]
            }
            let response = try connection.send(connection.request(path, query: query), accept: [400])
            let page = try connection.json(response, as: [String: Any].self, "a search")
            if response.status == 400 {
                return .unknownKeys((page["errorMessages"] as? [String] ?? []) + (page["warningMessages"] as? [String] ?? []))
            }
            let pageIssues = page["issues"] as? [[String: Any]] ?? []
            issues += pageIssues
            if api.isJiraCloud {
                nextPageToken = page["nextPageToken"] as? String
                if nextPageToken == nil || page["isLast"] as? Bool == true { break }
            } else {
                startAt += pageIssues.count
                let total = page["total"] as? Int ?? 0
                if pageIssues.isEmpty || startAt >= total { break }
            }
        }
        return .issues(issues)
    }

    static func state(_ reference: String, _ issue: [String: Any], tracker: String, fetchedAt: Timestamp) -> TrackerState {
        let fields = issue["fields"] as? [String: Any] ?? [:]
        let status = fields["status"] as? [String: Any] ?? [:]
        let category = (status["statusCategory"] as? [String: Any])?["key"] as? String
        let resolution = (fields["resolution"] as? [String: Any])?["name"] as? String
        let assignee = fields["assignee"] as? [String: Any]
        return TrackerState(reference: reference, tracker: tracker, fetchedAt: fetchedAt, exists: true,
                            isOpen: category.map { $0 != "done" } ?? (resolution == nil),
                            status: status["name"] as? String ?? "unknown", resolution: resolution,
                            assignee: (assignee?["displayName"] ?? assignee?["name"]) as? String,
                            updated: fields["updated"] as? String, closedAt: fields["resolutiondate"] as? String)
    }

    /// A JQL string literal.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    // MARK: Filing

    func filed(marker: String) throws(TrackerError) -> FiledIssue? {
        guard case .issues(let issues) = try search("labels = \(Self.quoted(marker)) ORDER BY created ASC"),
              let key = issues.first?["key"] as? String else { return nil }
        return filedIssue(key)
    }

    func createRequest(_ draft: IssueDraft) throws(TrackerError) -> HTTPRequest {
        guard let project = api.project else {
            throw TrackerError(tracker: tracker.name, .unsupported, "no `project` is configured: name the Jira project key issues are filed in")
        }
        var fields: [String: Any] = [
            "project": ["key": project], "summary": draft.title, "description": draft.body,
            "issuetype": ["name": api.issueType ?? "Bug"], "labels": draft.labels + [draft.marker],
        ]
        if let due = draft.due { fields["duedate"] = due }
        // Cloud knows people by account ID, Data Center by user name.
        if let assignee = draft.assignee { fields["assignee"] = api.isJiraCloud ? ["accountId": assignee] : ["name": assignee] }
        return connection.request("/rest/api/2/issue", method: "POST", json: ["fields": fields])
    }

    func create(_ draft: IssueDraft) throws(TrackerError) -> FiledIssue {
        let response = try connection.send(try createRequest(draft))
        guard let key = try connection.json(response, as: [String: Any].self, "creating an issue")["key"] as? String else {
            throw connection.transport.fail(.badResponse, "the created issue's key is missing from the answer")
        }
        return filedIssue(key)
    }

    private func filedIssue(_ key: String) -> FiledIssue {
        let reference = tracker.reference(["key": key]) ?? key
        return FiledIssue(reference: reference, url: tracker.url(for: reference))
    }
}
