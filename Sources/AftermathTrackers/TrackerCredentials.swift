import Foundation
import AftermathCore

/// A tracker's credentials, read from the environment variables its configuration names, at
/// the moment a request is made; never stored, logged or written anywhere.
struct TrackerCredentials: Sendable {
    /// The header carrying them.
    var header: (name: String, value: String)
    /// What must never appear in output (the token, and the encoded pair for basic auth).
    var secrets: [String]

    static func read(_ tracker: String, _ api: TrackerAPI, environment: [String: String]) throws(TrackerError) -> TrackerCredentials {
        guard let variable = api.tokenVariable else {
            throw TrackerError(tracker: tracker, .credentials, "no `token_env` is configured: name the environment variable holding the token in .aftermath.yml")
        }
        guard let token = environment[variable], !token.isEmpty else {
            throw TrackerError(tracker: tracker, .credentials, "the environment variable `\(variable)` (its token) is not set")
        }
        switch api.kind {
        case .jira where api.emailVariable != nil:
            let emailVariable = api.emailVariable ?? ""
            guard let email = environment[emailVariable], !email.isEmpty else {
                throw TrackerError(tracker: tracker, .credentials, "the environment variable `\(emailVariable)` (the Jira account's email) is not set")
            }
            let pair = Data("\(email):\(token)".utf8).base64EncodedString()
            return TrackerCredentials(header: ("Authorization", "Basic \(pair)"), secrets: [token, pair])
        case .jira, .github:
            return TrackerCredentials(header: ("Authorization", "Bearer \(token)"), secrets: [token])
        case .gitlab:
            return TrackerCredentials(header: ("PRIVATE-TOKEN", token), secrets: [token])
        }
    }
}
