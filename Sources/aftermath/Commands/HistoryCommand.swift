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
            let workspace = RepositoryAccess()
            let repository = try workspace.repository()
            let head = workspace.scoped(try repository.snapshot(ofRevision: "HEAD"), in: repository)
            let ruleset = try workspace.ruleset(from: head)
            var reader = HistoryReader(repository: repository, ruleset: ruleset) { workspace.scoped($0, in: repository) }
            guard let history = try reader.history(of: id) else {
                let known = try Validator(ruleset: ruleset, today: Timestamp(secondsSinceEpoch: 0)).validate(head).index.documents.map(\.id)
                throw WorkspaceError.usage("no document with ID `\(id)` in the history of HEAD\(Suggestion.hint(Suggestion.closest(to: id, among: known)))")
            }
            console.out(format == .json ? HistoryRenderer.json(history).rendered() + "\n" : HistoryRenderer.text(history))
            return ExitStatus.ok
        }
    }
}
