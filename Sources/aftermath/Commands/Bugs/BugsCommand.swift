import ArgumentParser

/// `aftermath bugs`: the bug references and what their trackers say (`list`, the default), and
/// filing the issue for a document that has none (`file`).
struct BugsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bugs",
        abstract: "List every bug reference with its tracker state and drift; refresh states; file issues.",
        discussion: """
        Offline by default: states shown are those kept by the last `--refresh` (under .git/aftermath/). \
        Only `--refresh` and `bugs file` reach the network; tokens are read from the environment variables \
        the trackers name (`token_env`). Exit code 5 when a tracker cannot be asked; the rest is still shown.
        """,
        subcommands: [BugsListCommand.self, BugsFileCommand.self],
        defaultSubcommand: BugsListCommand.self
    )
}
