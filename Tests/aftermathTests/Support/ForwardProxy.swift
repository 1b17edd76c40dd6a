import Foundation

/// The loopback forward proxy (`Tests/trackers/forward_proxy.py`): plain HTTP requests in
/// absolute form are forwarded, `CONNECT` opens a tunnel; each is recorded.
final class ForwardProxy {
    struct Request {
        var method: String
        /// The absolute URL, or `host:port` for CONNECT.
        var target: String
    }

    private let server: LoopbackScript

    init() throws {
        server = try LoopbackScript("forward_proxy.py", ["{folder}/log.jsonl", "{folder}/port"], folder: try TemporaryDirectory())
    }

    var url: String { "http://127.0.0.1:\(server.port)" }

    var requests: [Request] {
        let text = (try? server.folder.read("log.jsonl")) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return Request(method: object["method"] as? String ?? "", target: object["target"] as? String ?? "")
        }
    }
}
