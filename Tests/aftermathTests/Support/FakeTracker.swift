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

    let port: Int
    private let process: Process
    private let folder: TemporaryDirectory

    init(_ fixture: [String: Any]) throws {
        folder = try TemporaryDirectory()
        try folder.write("fixture.json", try JSONSerialization.data(withJSONObject: fixture))
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CLI.packageRoot.appendingPathComponent("Tests/trackers/fake_tracker.py").path,
                             folder.path("fixture.json").path, folder.path("log.jsonl").path, folder.path("port").path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var port: Int?
        for _ in 0..<200 {
            if let text = try? folder.read("port"), let value = Int(text) { port = value; break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        self.port = try XCTUnwrap(port, "the fake tracker did not start")
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }

    var base: String { "http://127.0.0.1:\(port)" }

    var requests: [Request] {
        let text = (try? folder.read("log.jsonl")) ?? ""
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
