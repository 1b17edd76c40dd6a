import ArgumentParser
import AftermathCore
import AftermathEngine

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a document with its links resolved; for a postmortem, the tree of its findings and remediation items."
    )

    @Argument(help: ArgumentHelp("The document's ID.", valueName: "id"))
    var id: String

    @Option(help: "Output format: text or json.")
    var format: DataFormat = .text

    @OptionGroup var snapshot: SnapshotOptions
    @OptionGroup var today: TodayOption

    func run() throws {
        try Console.run { console in
            let tree = try Workspace().show(id, choice: snapshot.choice, today: today.timestamp)
            console.out(format == .json ? tree.json.rendered() + "\n" : tree.text)
            return ExitStatus.ok
        }
    }
}
