import AftermathEngine

/// The exit codes of DESIGN.md section 4.
enum ExitStatus {
    static let ok: Int32 = 0
    static let validation: Int32 = 1
    static let configuration: Int32 = 2
    static let closureRefused: Int32 = 3
    static let git: Int32 = 4
    static let tracker: Int32 = 5
    static let usage: Int32 = 64
}

extension WorkspaceError {
    var exitCode: Int32 {
        switch self {
        case .configuration: return ExitStatus.configuration
        case .git: return ExitStatus.git
        case .usage: return ExitStatus.usage
        case .refused: return ExitStatus.validation
        case .io: return ExitStatus.git
        case .tracker: return ExitStatus.tracker
        }
    }
}
