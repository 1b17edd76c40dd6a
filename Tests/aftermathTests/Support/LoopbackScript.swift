import Foundation
import XCTest

/// A Python server from `Tests/trackers/` on a loopback port, started for one test and stopped
/// with it: the script writes its port to a file once it listens.
final class LoopbackScript {
    let port: Int
    let folder: TemporaryDirectory
    private let process: Process

    /// - Parameter arguments: after the script's name; `{folder}` stands for the folder the
    ///   script may write to (its log, its port file `{folder}/port`).
    init(_ script: String, _ arguments: [String], folder: TemporaryDirectory) throws {
        self.folder = folder
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CLI.packageRoot.appendingPathComponent("Tests/trackers/\(script)").path]
            + arguments.map { $0.replacingOccurrences(of: "{folder}", with: folder.url.path) }
        process.standardOutput = FileHandle.nullDevice
        // Not the test's own error output: a server outliving a crashed test would hold it open,
        // and the test runner would wait for it.
        _ = FileManager.default.createFile(atPath: folder.path("stderr").path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: folder.path("stderr"))
        try process.run()
        var port: Int?
        for _ in 0..<200 {
            if let text = try? folder.read("port"), let value = Int(text) { port = value; break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        self.port = try XCTUnwrap(port, "\(script) did not start")
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }
}
