import ArgumentParser
import Foundation
import AftermathCore
import AftermathEngine
import AftermathGit

struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "Install or remove Aftermath's git hooks.",
        subcommands: [HooksInstallCommand.self]
    )
}

struct HooksInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install the pre-commit hook (or with --server the pre-receive hook) into the repository's hooks folder.",
        discussion: """
        Respects core.hooksPath. A hook that is already there is kept and chained: it is renamed to NAME.local and \
        runs first. Installing again only refreshes the script; --uninstall removes it and puts a chained hook back. \
        The hook finds the aftermath binary through AFTERMATH_BIN, then the absolute path recorded at install time \
        (in aftermath-bin beside the hook), then PATH.
        """
    )

    @Flag(help: "Install the server-side pre-receive hook (for the bare repository on a server).")
    var server = false

    @Flag(help: "Remove the hook and restore a chained one.")
    var uninstall = false

    static let marker = "# aftermath-hook: "

    func run() throws {
        try Console.run { console in
            let folder = try Workspace().hooksFolder()
            let name = server ? "pre-receive" : "pre-commit"
            let target = folder + "/" + name
            let chained = target + ".local"
            let manager = FileManager.default
            let existing = try? String(contentsOfFile: target, encoding: .utf8)
            let ours = existing?.contains(Self.marker) ?? false

            if uninstall {
                guard ours else {
                    console.err("no Aftermath \(name) hook in \(folder)")
                    return ExitStatus.ok
                }
                try manager.removeItem(atPath: target)
                // The recorded binary path serves every Aftermath hook of the folder: it goes
                // with the last of them.
                let others = ["pre-commit", "pre-receive"].filter { $0 != name }.contains {
                    (try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8))?.contains(Self.marker) ?? false
                }
                if !others { try? manager.removeItem(atPath: folder + "/aftermath-bin") }
                if manager.fileExists(atPath: chained) {
                    try manager.moveItem(atPath: chained, toPath: target)
                    console.err("removed the Aftermath \(name) hook; restored the previous hook")
                } else {
                    console.err("removed the Aftermath \(name) hook")
                }
                return ExitStatus.ok
            }

            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var note = ""
            if existing != nil && !ours {
                guard !manager.fileExists(atPath: chained) else {
                    throw WorkspaceError.usage("\(target) and \(chained) both exist; merge them by hand, then install again")
                }
                try manager.moveItem(atPath: target, toPath: chained)
                note = "; the existing hook was kept as \(name).local and runs first"
            }
            guard let script = HookScripts.files[name] else { throw WorkspaceError.usage("no hook script named \(name)") }
            try Data((script + "\n").utf8).write(to: URL(fileURLWithPath: target))
            try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target)
            if let binary = Self.currentExecutable() {
                try Data((binary + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/aftermath-bin"))
            }
            console.err("\(ours ? "refreshed" : "installed") \(target)\(note)")
            return ExitStatus.ok
        }
    }

    static func currentExecutable() -> String? { Platform.executablePath }
}
