import ArgumentParser
import Foundation
import AftermathCore
import AftermathEngine
import AftermathGit

/// The terminal edge: data to stdout, diagnostics and messages to stderr, colour only when
/// stderr is a terminal and `NO_COLOR` is unset.
struct Console {
    let colour: Bool

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        colour = isatty(STDERR_FILENO) == 1 && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    }

    /// Data to stdout; a failed write (a full disk under a redirection) ends the run with one
    /// error line and the I/O exit code, as a failed file write does.
    func out(_ text: String) {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch {
            failure("cannot write the output: \(WorkspaceError(fileError: error).message)")
            finish(ExitStatus.git)
        }
    }

    /// Messages to stderr; one that cannot be written is dropped (there is nowhere to say so).
    func err(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    func diagnostics(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        // One text, one write: a large repository can have tens of thousands of lines, formatted
        // in stretches on every core.
        let colour = self.colour
        let stretches = ParallelMap.joined(diagnostics.count, minimum: 2048) { range -> [String] in
            var text = ""
            text.reserveCapacity(range.count * 160)
            for d in diagnostics[range] {
                text += Self.paint(TextReporter.line(d), d.severity, colour: colour)
                text += "\n"
            }
            return [text]
        }
        err(stretches.joined())
    }

    func failure(_ message: String) {
        err("aftermath: \(colour ? "\u{1B}[1;31merror\u{1B}[0m" : "error"): \(TerminalSafe.escape(message))")
    }

    private static func paint(_ line: String, _ severity: Severity, colour: Bool) -> String {
        guard colour else { return line }
        let code = severity == .error ? "31" : "33"
        let marker = ": \(severity.rawValue): "
        return line.replacingOccurrences(of: marker, with: ": \u{1B}[1;\(code)m\(severity.rawValue)\u{1B}[0m: ", options: [], range: line.range(of: marker))
    }

    /// Ends the process now, with `status`. Commands that hold a whole repository's documents
    /// finish this way: output is written unbuffered, and freeing a hundred thousand documents
    /// one by one takes longer than printing them. `_exit`,
    /// not `exit`: nothing registered to run at exit needs to, and a leak checker would take
    /// the documents still in use for leaks.
    func finish(_ status: Int32) -> Never { _exit(status) }

    /// Ends the process with `status` once `workspace` has written what it still writes; what
    /// it read stays in memory until the process is gone.
    func finish(_ status: Int32, after workspace: Workspace) -> Never {
        workspace.finish()
        withExtendedLifetime(workspace) { _exit(status) }
    }

    /// Runs a command body, turning failures into their messages and exit codes.
    static func run(_ body: (Console) throws -> Int32) throws {
        let console = Console()
        let status: Int32
        do {
            status = try body(console)
        } catch let failure as WorkspaceError {
            switch failure {
            case .configuration(let diagnostics):
                console.diagnostics(diagnostics)
                console.failure("the configuration above must be fixed first")
            case .git, .usage, .refused, .io, .tracker:
                console.failure(failure.message)
            }
            status = failure.exitCode
        } catch let error as GitFailureConvertible {
            console.failure(error.gitMessage)
            status = ExitStatus.git
        } catch let failure as AtomicFile.Failure {
            let failure = WorkspaceError(failure)
            console.failure(failure.message)
            status = failure.exitCode
        } catch let error as CocoaError {
            let failure = WorkspaceError(fileError: error)
            console.failure(failure.message)
            status = failure.exitCode
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// Errors from the storage edge that map to exit code 4.
protocol GitFailureConvertible: Error { var gitMessage: String { get } }

extension GitError: GitFailureConvertible { var gitMessage: String { message } }
extension SnapshotError: GitFailureConvertible { var gitMessage: String { message } }
