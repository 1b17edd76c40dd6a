import Foundation
import CCurl

/// Sends requests to one tracker through libcurl, politely: a timeout per request; `429`, and
/// `403` with rate-limit headers, wait as the server asks (`Retry-After`, `X-RateLimit-Reset`,
/// `RateLimit-Reset`) up to a cap; `5xx` and dropped connections retried with doubling pauses.
/// Requests go through the proxy the environment names (`ProxySettings`) and trust the
/// tracker's certificate authorities (`CertificateAuthorities`). Whatever a failure says is
/// masked of every secret the request carried.
public final class HTTPTransport: @unchecked Sendable {
    public struct Retrying: Sendable {
        public var attempts = 4
        /// The first pause after a server error; each next one doubles.
        public var pause: Double = 0.5
        /// The longest wait for a rate limit before giving up.
        public var longestWait: Double = 60

        public init() {}
    }

    let tracker: String
    /// The variable holding the token, named when the server refuses it.
    let tokenVariable: String?
    let retrying: Retrying
    private let settings: CurlHandle.Settings
    private let secrets: [String]
    /// Handles not in use, each keeping its connection for the next request.
    private var idle: [CurlHandle] = []
    private let lock = NSLock()

    init(tracker: String, timeout: Int, secrets: [String], tokenVariable: String?, network: TrackerNetwork, base: String,
         retrying: Retrying = Retrying()) {
        self.tracker = tracker
        self.tokenVariable = tokenVariable
        self.retrying = retrying
        let proxy = ProxySettings(for: base, environment: network.environment)
        settings = CurlHandle.Settings(timeoutSeconds: timeout, proxy: proxy, authorities: network.authorities(for: tracker))
        self.secrets = (secrets + [proxy.password].compactMap { $0 }).filter { !$0.isEmpty }
    }

    /// The answer to `request`, after the retries it deserves; `accept` names the statuses
    /// the caller handles itself (e.g. 404 for an issue that does not exist).
    func send(_ request: HTTPRequest, accept: Set<Int> = []) throws(TrackerError) -> HTTPResponse {
        var attempt = 0
        while true {
            attempt += 1
            let last = attempt >= retrying.attempts
            let retriable = request.idempotent && !last
            let response: HTTPResponse
            switch perform(request) {
            case .success(let answer):
                response = answer
            case .failure(let failure) where failure.timedOut:
                throw fail(.unreachable, "no answer from \(host(request)) within the timeout (`timeout_seconds`)")
            case .failure(let failure) where failure.certificate:
                throw fail(.unreachable, "the certificate of \(host(request)) cannot be verified against \(settings.authorities.source): \(failure.message); "
                    + "name the bundle of the authority that signs it in the tracker's `ca_bundle`, or in `CURL_CA_BUNDLE` or `SSL_CERT_FILE`")
            case .failure(let failure) where failure.tooLarge:
                throw fail(.badResponse, "the answer from \(host(request)) is too large: \(failure.message)")
            case .failure(let failure):
                guard retriable else { throw fail(.unreachable, "cannot reach \(host(request)), or the connection was lost: \(failure.message)") }
                pause(retrying.pause * pow(2, Double(attempt - 1)))
                continue
            }
            if (200..<300).contains(response.status) || accept.contains(response.status) { return response }
            if let wait = rateLimitWait(response) {
                guard !last, wait <= retrying.longestWait else {
                    throw fail(.refused, "rate limit reached (HTTP \(response.status)); try again in \(Int(wait.rounded(.up))) s")
                }
                pause(wait)
                continue
            }
            if response.status >= 500 {
                guard retriable else { throw fail(.unreachable, "HTTP \(response.status) from \(host(request))\(attempt > 1 ? " after \(attempt) attempts" : "")\(detail(response))") }
                pause(retrying.pause * pow(2, Double(attempt - 1)))
                continue
            }
            if response.status == 401 || response.status == 403 {
                let token = tokenVariable.map { "the token in `\($0)`" } ?? "the token"
                throw fail(.refused, "HTTP \(response.status) for \(request.method) \(path(request)): \(token) was refused (wrong, expired, or without access)\(detail(response))")
            }
            throw fail(.badResponse, "HTTP \(response.status) for \(request.method) \(path(request))\(detail(response))")
        }
    }

    /// How long a rate-limited answer asks to wait; nil when the answer is not a rate limit.
    func rateLimitWait(_ response: HTTPResponse) -> Double? {
        guard response.status == 429 || response.status == 403 else { return nil }
        if let retry = response.headers["retry-after"], let seconds = Double(retry.trimmingCharacters(in: .whitespaces)) { return max(0, seconds) }
        let exhausted = (response.headers["x-ratelimit-remaining"] ?? response.headers["ratelimit-remaining"]) == "0"
        if let reset = response.headers["x-ratelimit-reset"] ?? response.headers["ratelimit-reset"], let epoch = Double(reset),
           exhausted || response.status == 429 {
            return max(0, epoch - Date().timeIntervalSince1970)
        }
        return response.status == 429 ? retrying.pause : nil
    }

    private func perform(_ request: HTTPRequest) -> Result<HTTPResponse, CurlHandle.Failure> {
        var settings = self.settings
        // A request that must not be sent twice goes out on a connection of its own.
        settings.freshConnection = !request.idempotent
        guard let handle = lock.withLock({ idle.popLast() }) ?? CurlHandle() else {
            return .failure(CurlHandle.Failure(code: CURLE_FAILED_INIT, message: "libcurl could not start a request"))
        }
        let result = handle.perform(request, settings)
        lock.withLock { idle.append(handle) }
        return result
    }

    private func pause(_ seconds: Double) {
        if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
    }

    func fail(_ kind: TrackerError.Kind, _ message: String) -> TrackerError {
        TrackerError(tracker: tracker, kind, mask(message))
    }

    /// `message` with every secret replaced by `***`.
    func mask(_ message: String) -> String {
        secrets.reduce(message) { $0.replacingOccurrences(of: $1, with: "***") }
    }

    private func host(_ request: HTTPRequest) -> String { URL(string: request.url)?.host ?? request.url }

    private func path(_ request: HTTPRequest) -> String { URL(string: request.url)?.path ?? request.url }

    /// What the server said, briefly: its error messages when it gave JSON ones.
    private func detail(_ response: HTTPResponse) -> String {
        guard let object = response.json() as? [String: Any] else { return "" }
        var messages: [String] = []
        if let list = object["errorMessages"] as? [String] { messages += list }
        if let message = object["message"] as? String { messages.append(message) }
        if let errors = object["errors"] as? [String: Any] { messages += errors.map { "\($0.key): \($0.value)" }.sorted() }
        let text = messages.prefix(3).joined(separator: "; ")
        return text.isEmpty ? "" : ": \(String(text.prefix(300)))"
    }
}
