import Foundation

/// One request to a tracker's API, as sent (and as `--dry-run` shows it, secrets masked).
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]?
    /// Whether sending it twice does no harm: only such requests are sent again after a
    /// dropped connection or a server error (a retried create could file an issue twice).
    public var idempotent: Bool
    /// Header values never shown (the credentials).
    public var secretHeaders: Set<String> = ["authorization", "private-token"]

    public init(method: String = "GET", url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        idempotent = method == "GET"
    }

    /// The request as text: the request line, headers (credentials masked) and the body.
    public var displayed: String {
        var lines = ["\(method) \(url)"]
        for (name, value) in headers {
            lines.append("\(name): \(secretHeaders.contains(name.lowercased()) ? Self.masked(value) : value)")
        }
        if let body { lines.append(""); lines.append(String(decoding: body, as: UTF8.self)) }
        return lines.joined(separator: "\n")
    }

    /// `Bearer ***`, `Basic ***`, `***`: the scheme stays visible, the secret does not.
    static func masked(_ value: String) -> String {
        let parts = value.split(separator: " ", maxSplits: 1)
        return parts.count == 2 && ["Bearer", "Basic", "token"].contains(String(parts[0])) ? "\(parts[0]) ***" : "***"
    }

    static func json(_ object: Any) -> [UInt8] {
        Array((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data())
    }
}

/// A tracker's answer.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// By lowercased name.
    public var headers: [String: String]
    public var body: Data

    /// The body as a JSON value; nil when it is not JSON.
    func json() -> Any? { try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }
}
