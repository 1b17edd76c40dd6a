import ArgumentParser
import Foundation
import AftermathCore
import AftermathEngine
import AftermathGit

struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "One short Markdown reminder per owner (open and overdue items with links), for a mail or chat bot.",
        discussion: "To stdout, separated by a line `---` and headed by `<!-- owner: HANDLE email: ADDRESS -->`; with --output-dir, one file per owner named HANDLE.md."
    )

    @Option(help: ArgumentHelp("Write one file per owner into this folder.", valueName: "dir"), completion: .directory)
    var outputDir: String?

    @Option(help: ArgumentHelp("Only this owner.", valueName: "handle"))
    var owner: String?

    @OptionGroup var snapshot: SnapshotOptions
    @OptionGroup var today: TodayOption

    func run() throws {
        try Console.run { console in
            // A digest shows open remediation items, as `list` does: read the same way.
            let (index, ruleset) = try Workspace().documents([.remediation], openOnly: true, choice: snapshot.choice, today: today.timestamp)
            var messages = Digest.messages(index: index, ruleset: ruleset, today: today.timestamp)
            if let owner {
                guard let handle = ruleset.owners.resolve(owner)?.handle else {
                    throw WorkspaceError.usage("--owner `\(owner)` is not in the owners registry\(Suggestion.hint(ruleset.owners.suggestion(for: owner)))")
                }
                messages = messages.filter { $0.owner == handle }
            }
            guard let outputDir else {
                console.out(messages.map { "<!-- owner: \(TerminalSafe.escape($0.owner)) email: \(TerminalSafe.escape($0.email ?? "")) -->\n\($0.text)" }.joined(separator: "\n---\n\n"))
                return ExitStatus.ok
            }
            try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true)
            // The folder is the user's choice; the names in it come from the repository, and
            // must not lead elsewhere (a link planted in the folder under an owner's name).
            let folder = RepositoryConfinement.fileSystem(root: outputDir)
            for message in messages {
                // Handles are validated by the schemas; still, never let one name a path elsewhere.
                let name = message.owner.replacing("/", with: "_").replacing("..", with: "_") + ".md"
                if let problem = folder.problem(name) { throw WorkspaceError.io("\(outputDir)/\(name) \(problem); nothing was written there") }
                try ReportOutput.write(message.text, to: outputDir + "/" + name, console: console)
            }
            return ExitStatus.ok
        }
    }
}
