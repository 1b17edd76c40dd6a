import Foundation
import AftermathCore

/// Whether `git verify-commit` accepts a commit's signature on this machine, with the keys
/// and `gpg.ssh.allowedSignersFile` git is configured with here. The answer depends on the
/// machine, so it goes in the manifest, never in a hashed file of the pack.
enum CommitSignatureCheck {
    static func check(_ commit: String, kind: String?, in root: String) -> AuditManifest.Signature {
        guard let kind else { return .init(commit: commit, kind: nil, verified: nil, detail: "unsigned") }
        guard let git = executable("git") else { return .init(commit: commit, kind: kind, verified: nil, detail: "git is not installed here: not checked") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = ["verify-commit", commit]
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return .init(commit: commit, kind: kind, verified: nil, detail: "git could not be run: not checked") }
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if process.terminationStatus == 0 {
            return .init(commit: commit, kind: kind, verified: true, detail: lines.first { $0.contains("Good") } ?? "git verify-commit accepted it")
        }
        return .init(commit: commit, kind: kind, verified: false, detail: lines.last ?? "git verify-commit refused it")
    }

    private static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
