import ArgumentParser
import Foundation
import AftermathGit
import AftermathCore
import AftermathEngine

@main
struct Aftermath: ParsableCommand {
    static let version = ProductVersion.current

    static let configuration = CommandConfiguration(
        commandName: "aftermath",
        abstract: "Postmortems, findings and remediation items as Markdown files in git — validated, linked and enforced.",
        discussion: """
        Run from anywhere inside a repository; `aftermath -C DIR <command>` runs as if started in DIR (as in git).

        Exit codes: 0 fine, 1 validation errors (warnings too with --strict), 2 configuration error, \
        3 closure refused, 4 git error, 5 tracker or network error, 64 usage error.
        """,
        version: version,
        subcommands: [
            ValidateCommand.self, ListCommand.self, ShowCommand.self, CloseCommand.self, SetCommand.self, NewCommand.self, HistoryCommand.self, ReportCommand.self, DigestCommand.self, InitCommand.self, HooksCommand.self, HookCommand.self, ExplainCommand.self, BugsCommand.self, NotifyCommand.self, AuditCommand.self, LspCommand.self,
        ]
    )

    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if started in this folder (give it before the command).", valueName: "dir"),
            completion: .directory)
    var directory: String?

    /// `-C DIR` is handled before ArgumentParser sees the arguments, so it works in front of
    /// any subcommand exactly as in git, and can be repeated (each relative to the previous).
    /// The commands a mistyped one may have meant: not `lsp`, which editors start and people
    /// do not type (`lsit` means `list`).
    static var suggestedCommands: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName }.filter { $0 != LspCommand.configuration.commandName }
    }

    static func main() {
        MallocSettings.apply()
        var arguments = Array(CommandLine.arguments.dropFirst())
        while arguments.count >= 2, arguments[0] == "-C" {
            let dir = arguments[1]
            arguments.removeFirst(2)
            guard FileManager.default.changeCurrentDirectoryPath(dir) else {
                FileHandle.standardError.write(Data("aftermath: cannot change to directory `\(TerminalSafe.escape(dir))`\n".utf8))
                Foundation.exit(64)
            }
        }
        // Objects were hashed by git when they arrived; only the push hook, reading what was
        // just received, checks them again (see `LibGit2.initializeInBackground`).
        LibGit2.initializeInBackground(verifyingObjectHashes: arguments.starts(with: ["hook", "pre-receive"]))
        // A bare `aftermath` names no command: the help, on stderr, and the usage status.
        if arguments.isEmpty {
            FileHandle.standardError.write(Data(helpMessage().utf8 + [0x0A]))
            LibGit2.ensureInitialized()
            Foundation.exit(64)
        }
        // A mistyped command gets a suggestion (`lsit` → `list`).
        if let first = arguments.first, !first.hasPrefix("-"),
           !configuration.subcommands.contains(where: { $0.configuration.commandName == first || $0.configuration.aliases.contains(first) }),
           let near = Suggestion.closest(to: first, among: suggestedCommands) {
            FileHandle.standardError.write(Data("aftermath: error: unknown command `\(TerminalSafe.escape(first))` (did you mean `\(near)`?); `aftermath --help` lists the commands\n".utf8))
            LibGit2.ensureInitialized()
            Foundation.exit(64)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            // `exit` runs what libraries registered to run at exit, which must not race their
            // initialisation (commands that end through `Console.finish` skip them).
            LibGit2.ensureInitialized()
            exit(withError: error)
        }
        LibGit2.ensureInitialized()
    }
}
