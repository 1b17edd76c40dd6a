import Foundation
import AftermathCore

/// GitLab (gitlab.com or self-managed), REST v4: one request per project for up to 100 issue
/// IIDs (`/projects/:path/issues?iids[]=…`), pages followed by `X-Next-Page`. `api` is the v4
/// base (`https://gitlab.com/api/v4`); the token goes in `PRIVATE-TOKEN`.
struct GitLabClient: TrackerClient {
    let tracker: Tracker
    let api: TrackerAPI
    let connection: TrackerConnection

    static let batchSize = 100

    /// By project, at most `batchSize` a batch.
    func batches(_ references: [String]) -> [[String]] {
        var byProject: [(String, [String])] = []
        for reference in references {
            let project = tracker.fields(of: reference)?["project"] ?? ""
            if let i = byProject.firstIndex(where: { $0.0 == project }) { byProject[i].1.append(reference) } else { byProject.append((project, [reference])) }
        }
        return byProject.flatMap { _, refs in
            stride(from: 0, to: refs.count, by: Self.batchSize).map { Array(refs[$0..<min($0 + Self.batchSize, refs.count)]) }
        }
    }

    func states(of batch: [String], kept: TrackerStates, fetchedAt: Timestamp) throws(TrackerError) -> [TrackerState] {
        guard let project = batch.first.flatMap({ tracker.fields(of: $0)?["project"] }) else { return [] }
        let iids = Set(batch.compactMap { tracker.fields(of: $0)?["number"] })
        var found: [String: [String: Any]] = [:]
        var page = "1"
        while true {
            let query = iids.sorted().map { ("iids[]", $0) } + [("per_page", "100"), ("page", page)]
            let response = try connection.send(connection.request("/projects/\(TrackerConnection.encode(project))/issues", query: query), accept: [404])
            // A project that does not exist (or the token cannot see) has none of the issues.
            if response.status == 404 { break }
            for issue in try connection.json(response, as: [[String: Any]].self, "listing a project's issues") {
                if let iid = issue["iid"] as? Int { found["\(iid)"] = issue }
            }
            guard let next = response.headers["x-next-page"], !next.isEmpty, next != page else { break }
            page = next
        }
        return batch.map { reference in
            guard let iid = tracker.fields(of: reference)?["number"], let issue = found[iid] else {
                return .missing(reference, tracker: tracker.name, fetchedAt: fetchedAt)
            }
            return Self.state(reference, issue, tracker: tracker.name, fetchedAt: fetchedAt)
        }
    }

    static func state(_ reference: String, _ issue: [String: Any], tracker: String, fetchedAt: Timestamp) -> TrackerState {
        let state = issue["state"] as? String ?? "unknown"
        let assignee = ((issue["assignees"] as? [[String: Any]])?.first ?? issue["assignee"] as? [String: Any])?["username"] as? String
        return TrackerState(reference: reference, tracker: tracker, fetchedAt: fetchedAt, exists: true, isOpen: state == "opened",
                            status: state, assignee: assignee, updated: issue["updated_at"] as? String, closedAt: issue["closed_at"] as? String)
    }

    // MARK: Filing

    func project() throws(TrackerError) -> String {
        guard let project = api.project else {
            throw TrackerError(tracker: tracker.name, .unsupported, "no `project` is configured: name the `group/project` issues are filed in")
        }
        return project
    }

    func filed(marker: String) throws(TrackerError) -> FiledIssue? {
        let request = connection.request("/projects/\(TrackerConnection.encode(try project()))/issues",
                                         query: [("labels", marker), ("scope", "all"), ("per_page", "1")])
        let issues = try connection.json(try connection.send(request), as: [[String: Any]].self, "listing issues")
        return issues.first.flatMap { $0["iid"] as? Int }.map(filedIssue)
    }

    func createRequest(_ draft: IssueDraft) throws(TrackerError) -> HTTPRequest {
        var body: [String: Any] = ["title": draft.title, "description": draft.body, "labels": (draft.labels + [draft.marker]).joined(separator: ",")]
        if let due = draft.due { body["due_date"] = due }
        return connection.request("/projects/\(TrackerConnection.encode(try project()))/issues", method: "POST", json: body)
    }

    func create(_ draft: IssueDraft) throws(TrackerError) -> FiledIssue {
        var request = try createRequest(draft)
        // GitLab assigns by user ID: the owner's username is looked up first.
        if let username = draft.assignee {
            let users = try connection.json(try connection.send(connection.request("/users", query: [("username", username)])),
                                            as: [[String: Any]].self, "looking up a user")
            if let id = users.first?["id"] as? Int,
               var body = request.body.flatMap({ try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }) {
                body["assignee_ids"] = [id]
                request.body = HTTPRequest.json(body)
            }
        }
        let answer = try connection.json(try connection.send(request), as: [String: Any].self, "creating an issue")
        guard let iid = answer["iid"] as? Int else { throw connection.transport.fail(.badResponse, "the created issue's iid is missing from the answer") }
        return filedIssue(iid)
    }

    private func filedIssue(_ iid: Int) -> FiledIssue {
        let project = (try? project()) ?? ""
        let reference = tracker.reference(["project": project, "number": "\(iid)"]) ?? "\(project)#\(iid)"
        return FiledIssue(reference: reference, url: tracker.url(for: reference))
    }
}
