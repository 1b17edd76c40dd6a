import ArgumentParser
import Foundation
import AftermathCore
import AftermathEngine

/// `--framework`: one framework, or all of them.
enum FrameworkChoice: String, ExpressibleByArgument, CaseIterable {
    case iso27001, soc2, fedramp, all

    var frameworks: [AuditFramework] { AuditFramework.selection(rawValue) ?? AuditFramework.allCases }
}

struct AuditMakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make",
        abstract: "Make the evidence pack of the incidents declared in a period (the default of `audit`).",
        discussion: """
        Incidents are the postmortems whose incident.declared_at falls in the period (UTC, both dates included), read \
        from one commit. Each fact names the commit it comes from; exceptions (late notification, missing or self \
        approval, overdue or late items, accepted risks, changes after closing, validation errors) are listed per \
        control. The pack is written into a new folder beside DIR and renamed into place.
        """
    )

    @Option(help: ArgumentHelp("First day of the period (YYYY-MM-DD, UTC).", valueName: "date"))
    var from: String

    @Option(help: ArgumentHelp("Last day of the period, included (YYYY-MM-DD, UTC).", valueName: "date"))
    var to: String

    @Option(help: ArgumentHelp("The controls to map the evidence to.", valueName: "name"))
    var framework: FrameworkChoice = .all

    @Option(help: ArgumentHelp("The commit to make the pack from (branch, tag, hash).", valueName: "rev"))
    var rev = "HEAD"

    @Option(help: ArgumentHelp("Pick this many incidents (with --seed) instead of all.", valueName: "n"))
    var sample: Int?

    @Option(help: ArgumentHelp("The seed that picks the sample: the same seed picks the same incidents.", valueName: "seed"))
    var seed: String?

    @Option(help: ArgumentHelp("The folder to make (a new or empty one, unless --force).", valueName: "dir"), completion: .directory)
    var output: String

    @Flag(help: "Replace the output folder although it is not empty.")
    var force = false

    @Flag(help: "Make the pack although documents have uncommitted changes (the pack lists them; it shows the commit only).")
    var allowDirty = false

    func validate() throws {
        if let problem = AuditPeriod.problem(from: from, to: to) { throw ValidationError(problem) }
        if (sample == nil) != (seed == nil) { throw ValidationError("--sample and --seed go together: the seed is what makes the sample reproducible") }
        if let sample, sample < 1 { throw ValidationError("--sample must be at least 1") }
    }

    func run() throws {
        try Console.run { console in
            guard let period = AuditPeriod(from: from, to: to) else { return ExitStatus.usage }
            let frameworks = framework.frameworks
            var picked: AuditSample?
            if let sample, let seed { picked = AuditSample(size: sample, seed: seed) }
            let request = AuditRequest(period: period, frameworks: frameworks, rev: rev, sample: picked, allowDirty: allowDirty)
            let workspace = Workspace()
            let outcome = try workspace.audit(request)
            let options = AuditManifest.Options(from: from, to: to, frameworks: frameworks.map(\.rawValue), rev: rev, sample: sample, seed: seed,
                                                allowDirty: allowDirty, uncommitted: outcome.uncommitted)
            let manifest = AuditManifest(pack: outcome.pack, toolVersion: ProductVersion.current,
                                         commandLine: ["aftermath"] + CommandLine.arguments.dropFirst(),
                                         madeAt: CurrentTime.timestamp.rfc3339,
                                         commit: outcome.commit, branch: outcome.branch, options: options, signatures: outcome.signatures)
            try workspace.writeAudit(outcome, manifest: manifest, to: output, replacing: force)
            let s = outcome.evidence.summary
            console.err("wrote \(output): \(s.incidents) incident\(s.incidents == 1 ? "" : "s"), \(s.exceptions) exception\(s.exceptions == 1 ? "" : "s"), commit \(outcome.commit.prefix(12))")
            return ExitStatus.ok
        }
    }
}
