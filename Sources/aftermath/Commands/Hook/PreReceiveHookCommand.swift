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
            // The environment names the pushed objects' quarantine; libgit2 sees them only this way.
            let repository = try GitRepository(path: FileManager.default.currentDirectoryPath, fromEnvironment: true)
            let existing = try repository.referencedCommits()
            var refused = false
            for update in input.updates where !update.new.isZero {
                let diagnostics = try check(update, repository: repository, existing: existing)
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

    private func check(_ update: Update, repository: GitRepository, existing: [GitObjectID]) throws -> [Diagnostic] {
        let refusal = { (message: String) in
            [Diagnostic(path: update.ref, location: .fileStart, severity: .error, ruleID: "push", message: message, commit: update.new.hex)]
        }
        let tip: GitObjectID
        do {
            tip = try repository.resolveCommit(update.new.hex)
        } catch {
            if repository.hasObject(update.new) { return [] } // a tag of a tree or blob: nothing to check
            return refusal("commit \(update.new.short) is missing from the push (\(error)); push again")
        }
        let base = update.old.isZero ? repository.defaultBranchCommit : update.old
        let trusted = try GitTreeLookupSnapshot(tree: try repository.treeID(ofCommit: base ?? tip), label: (base ?? tip).short, repository: repository)
        let commits = try repository.commits(from: [tip], excluding: existing)
        var diagnostics = try RangeCheck.check(commits, base: base ?? tip, workspace: RepositoryAccess(), repository: repository,
                                               today: today.timestamp, threads: 0)
        if !update.old.isZero, !repository.isDescendant(tip, of: update.old) {
            // A force push: judge the ref's move as one change, so history cannot be rewritten.
            let ruleset = try RepositoryAccess.ruleset(from: trusted)
            let validator = Validator(ruleset: ruleset, today: today.timestamp, cache: ParseCache())
            let before = try validator.validate(repository.snapshot(ofCommit: update.old))
            let after = try validator.validate(repository.snapshot(ofCommit: tip))
            diagnostics += TransitionCheck.check(before: before.index, after: after.index, in: RuleContext(ruleset: ruleset, today: today.timestamp))
                .map { var d = $0; d.commit = tip.hex; return d }
        }
        return diagnostics
    }
}
