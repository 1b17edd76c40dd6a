import Foundation
import XCTest

/// The loopback tracker server (`Tests/trackers/fake_tracker.py`), started for one test with
/// a fixture and stopped with it; what the client sent is read back from its request log.
final class FakeTracker {
    struct Request {
        var method: String
        var path: String
        var query: [(String, String)]
        var headers: [String: String]
        var body: String
        var proxied: Bool
        var host: String

        func value(_ name: String) -> String? { query.first { $0.0 == name }?.1 }
    }

    private let server: LoopbackScript
    /// Whether it answers over TLS, with a certificate signed by a throwaway authority.
    let tls: Bool

    /// - Parameter certificate: answer over HTTPS with this certificate (from `ThrowawayCA`).
    init(_ fixture: [String: Any], certificate: ThrowawayCA? = nil) throws {
        let folder = try TemporaryDirectory()
        try folder.write("fixture.json", try JSONSerialization.data(withJSONObject: fixture))
        tls = certificate != nil
        server = try LoopbackScript("fake_tracker.py", ["{folder}/fixture.json", "{folder}/log.jsonl", "{folder}/port"]
            + (certificate.map { [$0.serverCertificate, $0.serverKey] } ?? []), folder: folder)
    }

    var port: Int { server.port }

    var base: String { "\(tls ? "https" : "http")://127.0.0.1:\(port)" }

    var requests: [Request] {
        let text = (try? server.folder.read("log.jsonl")) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return Request(method: object["method"] as? String ?? "", path: object["path"] as? String ?? "",
                           query: (object["query"] as? [[String]] ?? []).map { ($0[0], $0[1]) },
                           headers: object["headers"] as? [String: String] ?? [:], body: object["body"] as? String ?? "",
                           proxied: object["proxied"] as? Bool ?? false, host: object["host"] as? String ?? "")
        }
    }

    func requests(_ method: String, _ pathPrefix: String) -> [Request] {
        requests.filter { $0.method == method && $0.path.hasPrefix(pathPrefix) }
    }
}
