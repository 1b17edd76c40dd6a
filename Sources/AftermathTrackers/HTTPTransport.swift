import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends requests to one tracker through Foundation's URLSession (libcurl on Linux, which
/// honours `https_proxy`/`HTTPS_PROXY`, `http_proxy` and `no_proxy`/`NO_PROXY`), politely:
/// a timeout per request; `429`, and `403` with rate-limit headers, wait as the server asks
/// (`Retry-After`, `X-RateLimit-Reset`, `RateLimit-Reset`) up to a cap; `5xx` and dropped
/// connections retried with doubling pauses. Whatever a failure says is masked of every
/// secret the request carried.
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
    let session: URLSession
    let configuration: URLSessionConfiguration
    let retrying: Retrying
    private let secrets: [String]

    init(tracker: String, timeout: Int, secrets: [String], tokenVariable: String?, retrying: Retrying = Retrying()) {
        self.tracker = tracker
        self.tokenVariable = tokenVariable
        self.secrets = secrets.filter { !$0.isEmpty }
        self.retrying = retrying
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = TimeInterval(timeout)
        configuration.timeoutIntervalForResource = TimeInterval(timeout) * 4
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        self.configuration = configuration
        session = URLSession(configuration: configuration)
    }

    deinit { session.invalidateAndCancel() }

    /// The answer to `request`, after the retries it deserves; `accept` names the statuses
    /// the caller handles itself (e.g. 404 for an issue that does not exist).
    func send(_ request: HTTPRequest, accept: Set<Int> = []) throws(TrackerError) -> HTTPResponse {
        var attempt = 0
        while true {
            attempt += 1
            let last = attempt >= retrying.attempts
            let retriable = request.idempotent && !last
            let response: HTTPResponse
            do {
                response = try perform(request)
            } catch let error as URLError where error.code == .timedOut {
                throw fail(.unreachable, "no answer from \(host(request)) within the timeout (`timeout_seconds`)")
            } catch {
                guard retriable else { throw fail(.unreachable, "cannot reach \(host(request)), or the connection was lost: \(error.localizedDescription)") }
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

    private func perform(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let url = URL(string: request.url) else { throw URLError(.badURL) }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        if let body = request.body { urlRequest.httpBody = Data(body) }
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        // A request that must not be sent twice goes out on a connection of its own: libcurl
        // silently sends a request again when a reused connection turns out to be closed.
        let session = request.idempotent ? self.session : URLSession(configuration: configuration)
        defer { if !request.idempotent { session.finishTasksAndInvalidate() } }
        let task = session.dataTask(with: urlRequest) { data, response, error in
            if let error {
                box.result = .failure(error)
            } else if let http = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (name, value) in http.allHeaderFields {
                    if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
                }
                box.result = .success(HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
            } else {
                box.result = .failure(URLError(.badServerResponse))
            }
            done.signal()
        }
        task.resume()
        done.wait()
        return try box.result.get()
    }

    private final class ResultBox: @unchecked Sendable {
        var result: Result<HTTPResponse, Error> = .failure(URLError(.unknown))
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
