import Foundation
import AftermathCore

/// GitHub (github.com or Enterprise Server): states through GraphQL v4, up to 100 issues a
/// query under aliases (`r0: repository(…) { i0: issueOrPullRequest(number: …) }`), or with
/// `states_api: rest` through conditional REST requests, one issue each, sending the kept ETag
/// as `If-None-Match` (an unchanged issue answers `304`, which GitHub does not count against
/// the rate limit); issues created and found through REST v3. `api` is the REST base
/// (`https://api.github.com`, or `https://HOST/api/v3`); GraphQL is beside it (`/graphql`,
/// `https://HOST/api/graphql`).
struct GitHubClient: TrackerClient {
    let tracker: Tracker
    let api: TrackerAPI
    let connection: TrackerConnection

    static let batchSize = 100

    func batches(_ references: [String]) -> [[String]] {
        if api.restStates { return references.map { [$0] } }
        return stride(from: 0, to: references.count, by: Self.batchSize).map { Array(references[$0..<min($0 + Self.batchSize, references.count)]) }
    }

    var graphQLPath: (base: String, path: String) {
        let base = connection.base
        return base.hasSuffix("/api/v3") ? (String(base.dropLast(3)), "graphql") : (base, "/graphql")
    }

    func states(of batch: [String], kept: TrackerStates, fetchedAt: Timestamp) throws(TrackerError) -> [TrackerState] {
        if api.restStates {
            var states: [TrackerState] = []
            for reference in batch { states.append(try restState(reference, kept: kept[reference], fetchedAt: fetchedAt)) }
            return states
        }
        // Repositories in first-seen order, each with its issue numbers.
        var repositories: [(name: String, numbers: [Int])] = []
        var place: [String: (Int, Int)] = [:]
        for reference in batch {
            guard let fields = tracker.fields(of: reference), let repo = fields["repo"], let number = fields["number"].flatMap({ Int($0) }) else { continue }
            let r = repositories.firstIndex { $0.name == repo } ?? { repositories.append((repo, [])); return repositories.count - 1 }()
            if let i = repositories[r].numbers.firstIndex(of: number) {
                place[reference] = (r, i)
            } else {
                repositories[r].numbers.append(number)
                place[reference] = (r, repositories[r].numbers.count - 1)
            }
        }
        let selection = "state closedAt updatedAt assignees(first: 1) { nodes { login } }"
        let query = "query {\n" + repositories.enumerated().map { r, repository in
            let parts = repository.name.split(separator: "/", maxSplits: 1).map(String.init)
            let issues = repository.numbers.enumerated().map { i, number in
                "    i\(i): issueOrPullRequest(number: \(number)) { __typename ... on Issue { \(selection) stateReason } ... on PullRequest { \(selection) } }"
            }.joined(separator: "\n")
            return "  r\(r): repository(owner: \(Self.quoted(parts.first ?? "")), name: \(Self.quoted(parts.count > 1 ? parts[1] : ""))) {\n\(issues)\n  }"
        }.joined(separator: "\n") + "\n}"
        let (base, path) = graphQLPath
        var request = connection.request(path, method: "POST", json: ["query": query])
        request.url = base + path
        request.idempotent = true  // a query changes nothing
        let answer = try connection.json(try connection.send(request), as: [String: Any].self, "a GraphQL query")
        // A missing repository or issue is null with a NOT_FOUND error; any other error fails the batch.
        for error in answer["errors"] as? [[String: Any]] ?? [] where error["type"] as? String != "NOT_FOUND" {
            throw connection.transport.fail(error["type"] as? String == "RATE_LIMITED" ? .refused : .badResponse,
                                            "GraphQL error: \(error["message"] as? String ?? "unknown")")
        }
        guard let data = answer["data"] as? [String: Any] else {
            throw connection.transport.fail(.badResponse, "the GraphQL answer has no `data`")
        }
        return batch.map { reference in
            guard let (r, i) = place[reference], let repository = data["r\(r)"] as? [String: Any],
                  let issue = repository["i\(i)"] as? [String: Any] else {
                return .missing(reference, tracker: tracker.name, fetchedAt: fetchedAt)
            }
            return Self.state(reference, issue, tracker: tracker.name, fetchedAt: fetchedAt)
        }
    }

    /// One issue through REST, conditionally when a state with an ETag is kept: `304` keeps
    /// that state, fetched now; `404`, and `410` for a deleted issue, say it does not exist.
    func restState(_ reference: String, kept: TrackerState?, fetchedAt: Timestamp) throws(TrackerError) -> TrackerState {
        guard let fields = tracker.fields(of: reference), let repo = fields["repo"], let number = fields["number"] else {
            return .missing(reference, tracker: tracker.name, fetchedAt: fetchedAt)
        }
        var request = connection.request("/repos/\(repo)/issues/\(number)")
        let etag = kept.flatMap { $0.etag }
        if let etag { request.headers.append(("If-None-Match", etag)) }
        let response = try connection.send(request, accept: etag == nil ? [404, 410] : [304, 404, 410])
        switch response.status {
        case 304:
            guard var state = kept else { return .missing(reference, tracker: tracker.name, fetchedAt: fetchedAt) }
            state.fetchedAt = fetchedAt
            return state
        case 404, 410:
            return .missing(reference, tracker: tracker.name, fetchedAt: fetchedAt)
        default:
            let issue = try connection.json(response, as: [String: Any].self, "an issue request")
            var state = Self.restState(reference, issue, tracker: tracker.name, fetchedAt: fetchedAt)
            state.etag = response.headers["etag"]
            return state
        }
    }

    /// A REST issue (or pull request: `pull_request.merged_at` set when merged).
    static func restState(_ reference: String, _ issue: [String: Any], tracker: String, fetchedAt: Timestamp) -> TrackerState {
        let merged = (issue["pull_request"] as? [String: Any])?["merged_at"] is String
        var graph: [String: Any] = ["state": merged ? "MERGED" : (issue["state"] as? String ?? ""), "closedAt": issue["closed_at"] as Any,
                                    "updatedAt": issue["updated_at"] as Any, "stateReason": issue["state_reason"] as Any]
        if let assignees = issue["assignees"] as? [[String: Any]] { graph["assignees"] = ["nodes": assignees] }
        return state(reference, graph, tracker: tracker, fetchedAt: fetchedAt)
    }

    static func state(_ reference: String, _ issue: [String: Any], tracker: String, fetchedAt: Timestamp) -> TrackerState {
        let state = (issue["state"] as? String ?? "").lowercased()
        let reason = (issue["stateReason"] as? String)?.lowercased().replacingOccurrences(of: "_", with: " ")
        let assignee = ((issue["assignees"] as? [String: Any])?["nodes"] as? [[String: Any]])?.first?["login"] as? String
        return TrackerState(reference: reference, tracker: tracker, fetchedAt: fetchedAt, exists: true, isOpen: state == "open",
                            status: state.isEmpty ? "unknown" : state, resolution: state == "open" ? nil : (reason ?? (state == "merged" ? "merged" : nil)),
                            assignee: assignee, updated: issue["updatedAt"] as? String, closedAt: issue["closedAt"] as? String)
    }

    /// A GraphQL string literal (JSON's escaping).
    static func quoted(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }

    // MARK: Filing

    func repository() throws(TrackerError) -> String {
        guard let project = api.project, project.contains("/") else {
            throw TrackerError(tracker: tracker.name, .unsupported, "no `project` is configured: name the `owner/repo` issues are filed in")
        }
        return project
    }

    func filed(marker: String) throws(TrackerError) -> FiledIssue? {
        // The list endpoint (not search, whose index lags) sees an issue created a moment ago.
        let request = connection.request("/repos/\(try repository())/issues", query: [("labels", marker), ("state", "all"), ("per_page", "1")])
        let issues = try connection.json(try connection.send(request), as: [[String: Any]].self, "listing issues")
        return issues.first.flatMap { $0["number"] as? Int }.map(filedIssue)
    }

    func createRequest(_ draft: IssueDraft) throws(TrackerError) -> HTTPRequest {
        var body: [String: Any] = ["title": draft.title, "body": draft.body, "labels": draft.labels + [draft.marker]]
        if let assignee = draft.assignee { body["assignees"] = [assignee] }
        return connection.request("/repos/\(try repository())/issues", method: "POST", json: body)
    }

    func create(_ draft: IssueDraft) throws(TrackerError) -> FiledIssue {
        let answer = try connection.json(try connection.send(try createRequest(draft)), as: [String: Any].self, "creating an issue")
        guard let number = answer["number"] as? Int else { throw connection.transport.fail(.badResponse, "the created issue's number is missing from the answer") }
        return filedIssue(number)
    }

    private func filedIssue(_ number: Int) -> FiledIssue {
        let repo = (try? repository()) ?? ""
        let reference = tracker.reference(["repo": repo, "number": "\(number)"]) ?? "\(repo)#\(number)"
        return FiledIssue(reference: reference, url: tracker.url(for: reference))
    }
}
