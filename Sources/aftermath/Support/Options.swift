import ArgumentParser
import Foundation
import AftermathCore
import AftermathEngine

/// Which snapshot of the repository a command reads.
struct SnapshotOptions: ParsableArguments {
    @Flag(help: "Read the staged content (the git index): exactly what the next commit would record.")
    var staged = false

    @Option(help: ArgumentHelp("Read the tree of a revision (branch, tag, HEAD~3, short hash).", valueName: "rev"))
    var rev: String?

    func validate() throws {
        if staged && rev != nil { throw ValidationError("--staged and --rev cannot be combined") }
    }

    var choice: SnapshotChoice {
        if staged { return .staged }
        if let rev { return .revision(rev) }
        return .workingTree
    }
}

/// `--today DATE`: the date overdue checks use, so runs and tests are reproducible.
struct TodayOption: ParsableArguments {
    @Option(help: ArgumentHelp("Date used for overdue checks (YYYY-MM-DD; default: today in UTC).", valueName: "date"))
    var today: String?

    func validate() throws {
        if let today, Timestamp.parseDate(today) == nil { throw ValidationError("--today must be a date like 2026-03-01") }
    }

    var timestamp: Timestamp {
        if let today, let parsed = Timestamp.parseDate(today) { return parsed }
        let now = Date().timeIntervalSince1970
        return Timestamp(secondsSinceEpoch: (now / 86_400).rounded(.down) * 86_400)
    }
}

enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
}

enum DataFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--commit`: record the change in git right away.
struct CommitOption: ParsableArguments {
    @Flag(help: "Commit the change with your git identity (refused, with nothing written, if other changes are staged).")
    var commit = false
}
