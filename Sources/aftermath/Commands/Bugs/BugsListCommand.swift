import ArgumentParser
import Foundation
import AftermathCore
import AftermathEngine
import AftermathGit
import AftermathTrackers

enum BugsFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

struct BugsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List bug references with document, tracker, URL, kept state and drift (the default).")

    @Flag(help: "Fetch the states from the trackers first and keep them (the only time this command uses the network).")
    var refresh = false

    @Option(help: ArgumentHelp("Only references of this tracker (repeatable).", valueName: "name"))
    var tracker: [String] = []

    @Option(help: ArgumentHelp("Only references in this state: open, closed, missing or unknown (repeatable).", valueName: "state"))
    var state: [String] = []

    @Option(help: "Only references of these kinds: finding, remediation (repeatable).")
    var kind: [DocumentKind] = []

    @Flag(help: "Only references a tracker rule flags (AM601-AM605).")
    var drift = false

    @Option(help: "Output format: table, json or csv.")
    var format: BugsFormat = .table

    @OptionGroup var today: TodayOption

    func validate() throws {
        for word in state where !["open", "closed", "missing", "unknown"].contains(word) {
            throw ValidationError("--state takes open, closed, missing or unknown, not `\(TerminalSafe.escape(word))`")
        }
    }

    func run() throws {
        try Console.run { console in
            let workspace = Workspace()
            var (index, ruleset) = try workspace.documents([.finding, .remediation], openOnly: false, today: today.timestamp)
            for name in tracker where !ruleset.configuration.trackers.trackers.contains(where: { $0.name == name }) {
                throw WorkspaceError.usage("no tracker is named `\(name)`\(Suggestion.hint(Suggestion.closest(to: name, among: ruleset.configuration.trackers.trackers.map(\.name))))")
            }
            var failures: [TrackerError] = []
            if refresh {
                let references = index.documents(of: .finding).flatMap { $0.field("bugs")?.stringList ?? [] }
                    + index.documents(of: .remediation).compactMap { $0.string("bug") }
                let (states, failed) = try Self.refresh(references, trackers: Set(tracker), ruleset: ruleset, workspace: workspace, console: console)
                ruleset = ruleset.keeping(states, today: today.timestamp)
                failures = failed
            }
            var filter = BugListing.Filter()
            filter.trackers = Set(tracker)
            filter.states = Set(state)
            filter.kinds = Set(kind)
            filter.driftOnly = drift
            let listing = BugListing(index: index, ruleset: ruleset, filter: filter)
            switch format {
            case .table: console.out(listing.table())
            case .json: console.out(listing.json())
            case .csv: console.out(listing.csv())
            }
            for failure in failures { console.failure(failure.description) }
            return failures.isEmpty ? ExitStatus.ok : ExitStatus.tracker
        }
    }

    /// Fetches the states of the references of `only` those trackers (all when empty) and keeps
    /// them: the new ones, and the kept ones of the other references and of those whose tracker
    /// failed (still referenced; what is no longer referenced goes).
    static func refresh(_ references: [String], trackers only: Set<String>, ruleset: Ruleset, workspace: Workspace,
                        console: Console) throws -> (TrackerStates, [TrackerError]) {
        let kept = try workspace.keptTrackerStates()
        let progress = ProgressLine(label: "fetching tracker states")
        let now = CurrentTime.timestamp
        let trackers = ruleset.configuration.trackers
        let asked = only.isEmpty ? references : references.filter { trackers.tracker(for: $0).map { only.contains($0.name) } ?? false }
        let outcome = StateRefresh(trackers: trackers, network: .reading(trackers.trackers.filter { only.isEmpty || only.contains($0.name) }, workspace: workspace))
            .fetch(asked, kept: kept, now: now) { done, total in progress.show(done, of: total) }
        progress.clear()
        let fetched = Set(outcome.states.map(\.reference))
        let carried = Set(references).subtracting(fetched).compactMap { kept[$0] }
        let states = TrackerStates(carried + outcome.states)
        try workspace.keep(states)
        return (states, outcome.failures)
    }
}

/// `fetching tracker states: 50/120` on stderr, rewritten in place; only on a terminal.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let enabled = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var shown = false

    init(label: String) { self.label = label }

    func show(_ done: Int, of total: Int) {
        guard enabled else { return }
        lock.withLock {
            shown = true
            FileHandle.standardError.write(Data("\r\(label): \(done)/\(total)\u{1B}[K".utf8))
        }
    }

    func clear() {
        guard enabled else { return }
        lock.withLock { if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
    }
}
