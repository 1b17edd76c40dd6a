import ArgumentParser
import AftermathCore

/// Failures of the tool itself (not problems in documents), each with its exit code from
/// DESIGN.md section 4. The message is printed once, as `aftermath: error: …`.
enum CLIFailure: Error {
    case configuration([Diagnostic])
    case git(String)
    case usage(String)
    /// A write refused because the file changed under us (exit 1: nothing was written).
    case refused(String)

    var exitCode: Int32 {
        switch self {
        case .configuration: return ExitStatus.configuration
        case .git: return ExitStatus.git
        case .usage: return ExitStatus.usage
        case .refused: return ExitStatus.validation
        }
    }
}

enum ExitStatus {
    static let ok: Int32 = 0
    static let validation: Int32 = 1
    static let configuration: Int32 = 2
    static let closureRefused: Int32 = 3
    static let git: Int32 = 4
    static let usage: Int32 = 64
}
