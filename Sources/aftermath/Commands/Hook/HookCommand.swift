import ArgumentParser

struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Run as a git hook (what the scripts in hooks/ call).",
        discussion: "`hook pre-commit` checks the staged snapshot; `hook pre-receive` reads `old new ref` lines on stdin and checks every pushed commit. Both print diagnostics on stderr and exit 1 to block.",
        subcommands: [PreCommitHookCommand.self, PreReceiveHookCommand.self]
    )
}
