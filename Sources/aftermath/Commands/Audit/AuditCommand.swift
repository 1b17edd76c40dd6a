import ArgumentParser

/// `aftermath audit`: an evidence pack for auditors (`make`, the default), and checking one
/// against the repository (`verify`).
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Make a verifiable evidence pack of the incidents of a period (ISO 27001, SOC 2, FedRAMP), or verify one.",
        discussion: """
        `aftermath audit --from DATE --to DATE --output DIR` makes the pack from one commit (--rev, default HEAD): \
        index.html, evidence.md, evidence.json, controls.md, controls.csv and manifest.json (SHA-256 of every file, the \
        commit, the tool version, the command line, signatures). The same commit and options give the same files. \
        `aftermath audit verify DIR` makes it again and compares.
        """,
        subcommands: [AuditMakeCommand.self, AuditVerifyCommand.self],
        defaultSubcommand: AuditMakeCommand.self
    )
}
