import ArgumentParser

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a postmortem, finding or remediation item with the next free ID at its conventional path.",
        discussion: "The new document is validated before it is written and created exclusively: concurrent runs never take the same ID or overwrite a file. The path is printed on stdout.",
        subcommands: [NewPostmortemCommand.self, NewFindingCommand.self, NewRemediationCommand.self]
    )
}
