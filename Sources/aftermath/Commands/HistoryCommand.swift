import ArgumentParser
import AftermathCore
import AftermathEngine

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show every commit that changed a document — followed by ID across renames and moves — with the fields that changed.",
        discussion: "Oldest first: commit, date, author and changes such as `status: open → done`. Ends with when the document was opened and closed and the days it took."
    )

    @Argument(help: ArgumentHelp("The document's ID.", valueName: "id"))
    var id: String

    @Option(help: "Output format: text or json.")
    var format: DataFormat = .text

    func run() throws {
        try Console.run { console in
            let history = try Workspace().history(of: id)
            console.out(format == .json ? HistoryRenderer.json(history).rendered() + "\n" : HistoryRenderer.text(history))
            return ExitStatus.ok
        }
    }
}
