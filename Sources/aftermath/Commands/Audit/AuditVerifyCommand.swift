import ArgumentParser
import AftermathCore
import AftermathEngine

struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Make an evidence pack again from the commit its manifest names, and compare it with the folder.",
        discussion: """
        Reports every file that differs, is missing or was added, every hash in manifest.json that is not its file's, \
        and whether the commit is still reachable from the branch the pack was made on (a rewritten history is an \
        exception of its own). Exit 0 only when everything matches, else 1.
        """
    )

    @Argument(help: ArgumentHelp("The pack's folder.", valueName: "dir"), completion: .directory)
    var folder: String

    func run() throws {
        try Console.run { console in
            let result = try Workspace().verifyAudit(folder: folder)
            let m = result.manifest
            if m.toolVersion != ProductVersion.current {
                console.err("note: the pack was made by aftermath \(m.toolVersion) and is verified by \(ProductVersion.current); a difference may come from the tool")
            }
            var lines: [String] = []
            if !result.commitPresent {
                lines.append("commit \(m.commit) is not in this repository: the pack cannot be made again (was the history rewritten?)")
            } else if !result.reachable {
                lines.append("commit \(m.commit) is not reachable from \(m.branch ?? "HEAD"): the history was rewritten since the pack was made")
            }
            lines += result.differing.map { "differs: \($0)" }
            lines += result.missing.map { "missing: \($0)" }
            lines += result.added.map { "added: \($0)" }
            lines += result.manifestMismatches.map { "manifest: the SHA-256 of \($0) is not the file's" }
            if result.matches {
                console.out("verified: \(m.files.count) files match commit \(m.commit), reachable from \(m.branch ?? "HEAD")\n")
                return ExitStatus.ok
            }
            console.out(lines.joined(separator: "\n") + "\nnot verified: the pack does not match commit \(m.commit)\n")
            return ExitStatus.validation
        }
    }
}
