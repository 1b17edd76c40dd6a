import ArgumentParser
import Foundation
import AftermathCore
import AftermathEngine
import AftermathGit

struct PreReceiveHookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pre-receive",
        abstract: "Check every pushed commit (`old new ref` lines on stdin) with the rules of the ref's previous tip; refuse the push on errors.",
        discussion: """
        Only commits new to the repository are checked (`new --not --all`), each with the configuration, owners and \
        schemas of the trusted side: the ref's previous tip, or the default branch for a new ref (a push into an empty \
        repository is judged by its own rules, as there is nothing yet to relax). Branch deletions pass; a force push \
        is also checked as a whole change from the old tip, so closed postmortems cannot be rewritten.
        """
    )

    @OptionGroup var today: TodayOption

    typealias Update = PreReceiveInput.Update

    func run() throws {
        try Console.run { console in
            let input: PreReceiveInput
            do {
                input = try PreReceiveInput.read(from: STDIN_FILENO)
            } catch let malformed as PreReceiveInput.Malformed {
                throw WorkspaceError.usage("pre-receive: \(malformed.message); the push is refused")
            }
            let push = try PushCheck()
            var refused = false
            for update in input.updates where !update.new.isZero {
                let diagnostics = try push.check(old: update.old, new: update.new, ref: update.ref, today: today.timestamp)
                guard diagnostics.errorCount > 0 else { continue }
                refused = true
                console.diagnostics(diagnostics)
                console.err("aftermath: \(TerminalSafe.escape(update.ref)): \(diagnostics.errorCount) error\(diagnostics.errorCount == 1 ? "" : "s") in the pushed commits")
            }
            if refused {
                console.err("aftermath: push refused; fix the commits above (`aftermath validate --range` shows the same locally)")
                return ExitStatus.validation
            }
            return ExitStatus.ok
        }
    }
}
