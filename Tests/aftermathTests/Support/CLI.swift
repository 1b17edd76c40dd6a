import Foundation
import XCTest

/// Runs the built `aftermath` binary (and `git`) as a user would, in real folders.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    static var binary: URL { productsDirectory.appendingPathComponent("aftermath") }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @discardableResult
    static func aftermath(_ arguments: [String], in directory: URL, environment: [String: String] = [:], stdin: String? = nil) throws -> CommandResult {
        try run(binary.path, arguments, in: directory, environment: environment, stdin: stdin)
    }

    @discardableResult
    static func git(_ arguments: [String], in directory: URL, environment: [String: String] = [:], timeout: TimeInterval? = nil) throws -> CommandResult {
        let result = try run("/usr/bin/env", ["git"] + arguments, in: directory, environment: environment, timeout: timeout)
        return result
    }

    /// The status of a run killed at its `timeout`, as a shell reports a SIGKILL.
    static let killedStatus: Int32 = 137

    /// Runs a program with output captured through files (no pipe can fill up and block).
    /// With a `timeout`, a run still going then is killed with every process it started (a push
    /// runs the server's hook two processes down) and reported as `killedStatus`: a test fails
    /// instead of hanging.
    static func run(_ program: String, _ arguments: [String], in directory: URL, environment: [String: String] = [:], stdin: String? = nil,
                    timeout: TimeInterval? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        // Tests must not depend on the developer's git identity or terminal.
        env["GIT_AUTHOR_NAME"] = "Test Author"
        env["GIT_AUTHOR_EMAIL"] = "author@example.org"
        env["GIT_COMMITTER_NAME"] = "Test Committer"
        env["GIT_COMMITTER_EMAIL"] = "committer@example.org"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env.removeValue(forKey: "GIT_DIR")
        env.removeValue(forKey: "GIT_INDEX_FILE")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("aftermath-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let inURL = scratch.appendingPathComponent("in")
            try Data(stdin.utf8).write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        var killed = false
        if let timeout, exited.wait(timeout: .now() + timeout) == .timedOut {
            killed = true
            for pid in descendants(of: process.processIdentifier) + [process.processIdentifier] { kill(pid, SIGKILL) }
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return CommandResult(status: killed ? killedStatus : process.terminationStatus,
                             stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                             stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// Every process below `parent`, children before their own children, read from /proc.
private func descendants(of parent: pid_t) -> [pid_t] {
    var parents: [pid_t: pid_t] = [:]
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
        guard let pid = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { continue }
        // "pid (name) state ppid …": the name may hold spaces and parentheses.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        if fields.count > 1, let ppid = pid_t(fields[1]) { parents[pid] = ppid }
    }
    var found: [pid_t] = []
    var frontier = [parent]
    while let next = frontier.popLast() {
        for (pid, ppid) in parents where ppid == next && !found.contains(pid) {
            found.append(pid)
            frontier.append(pid)
        }
    }
    return found
}

/// A folder that disappears with the test.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("aftermath-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    func write(_ relative: String, _ data: Data) throws {
        let target = path(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target)
    }

    func read(_ relative: String) throws -> String { try String(contentsOf: path(relative), encoding: .utf8) }

    /// A git repository made by the benchmark's corpus generator in `corpus/` (see
    /// Benchmarks/generate_corpus.py): valid documents of every kind, plus `errors` sprinkled ones.
    func generatedCorpus(documents: Int, errors: Int, seed: Int) throws -> URL {
        let corpus = path("corpus")
        let generated = try CLI.run("/usr/bin/env", ["python3", CLI.packageRoot.appendingPathComponent("Benchmarks/generate_corpus.py").path,
                                                     corpus.path, "--documents", String(documents), "--errors", String(errors), "--seed", String(seed)], in: url)
        XCTAssertEqual(generated.status, 0, "corpus generator: \(generated.stderr)")
        return corpus
    }

    /// A copy of the bundled example repository (without `broken/`).
    static func examples() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        let source = CLI.packageRoot.appendingPathComponent("examples")
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) where item != "broken" {
            try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: dir.path(item))
        }
        return dir
    }

    /// A folder holding a copy of the examples at `examples/`: commands given `-C examples`
    /// there read the examples without leaving a cache in the project's own `.git`.
    static func holdingExamples() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        let copy = try examples()
        try FileManager.default.moveItem(at: copy.url, to: dir.path("examples"))
        return dir
    }

    /// Makes the folder a git repository with everything committed.
    func commitAll(_ message: String = "initial") throws {
        if !FileManager.default.fileExists(atPath: path(".git").path) {
            try CLI.git(["init", "-q", "-b", "main"], in: url)
        }
        try CLI.git(["add", "-A"], in: url)
        try CLI.git(["commit", "-q", "-m", message], in: url)
    }
}

/// Diagnostics from `--format json`, as dictionaries.
func jsonDiagnostics(_ result: CommandResult, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    return try XCTUnwrap(object?["diagnostics"] as? [[String: Any]], file: file, line: line)
}
