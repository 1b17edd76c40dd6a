import ArgumentParser
import AftermathCore
import AftermathLanguageServer
import Foundation

struct LspCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP 3.17 over standard input and output) for editors.",
        discussion: """
        Editors start it and talk to it; see docs/editors.md. The server checks open documents \
        as they are typed, exactly as `aftermath validate` would with them saved, and never writes.
        Exit status: 0 after `shutdown` and `exit`, 1 when the client exits without `shutdown` or goes away.
        """
    )

    @Flag(help: "Accepted and ignored: the server always talks over standard input and output.")
    var stdio = false

    @OptionGroup var today: TodayOption

    func run() throws {
        let status = LanguageServer.serve(today: today.today == nil ? nil : today.timestamp)
        Foundation.exit(status)
    }
}
