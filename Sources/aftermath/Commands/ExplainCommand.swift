import ArgumentParser
import AftermathCore
import AftermathEngine

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Describe a rule (by ID or name) with a bad and a good example, or list all rules."
    )

    @Argument(help: ArgumentHelp("Rule ID (AM101) or name (schema).", valueName: "rule"),
              completion: .list(RuleCatalogue.descriptions.map(\.id)))
    var rule: String?

    func run() throws {
        try Console.run { console in
            guard let key = rule else {
                for d in RuleCatalogue.descriptions {
                    console.out("\(d.id)  \(d.name.padding(toLength: 30, withPad: " ", startingAt: 0)) \(d.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(d.summary)\n")
                }
                return ExitStatus.ok
            }
            guard let d = RuleCatalogue.find(key) else {
                let hint = Suggestion.hint(Suggestion.closest(to: key, among: RuleCatalogue.descriptions.flatMap { [$0.id, $0.name] }))
                throw WorkspaceError.usage("unknown rule `\(key)`\(hint); `aftermath explain` lists them")
            }
            console.out(RuleExplanation.render(d))
            return ExitStatus.ok
        }
    }
}

/// The text of `aftermath explain RULE`.
enum RuleExplanation {
    static func render(_ d: RuleDescription) -> String {
        var out = "\(d.id) \(d.name) (\(d.severity.rawValue) by default)\n\n\(d.summary)\n\nWhy: \(d.rationale)\n"
        // A transition rule's states are shown as changes: the earlier one from the example
        // repository, the later ones from the earlier, so the change the rule judges stands out.
        func files(_ title: String, _ overlay: [String: String], changedFrom earlier: [String: String]? = nil) {
            let shown = overlay.sorted(by: { $0.key < $1.key }).filter { path, text in
                earlier?[path].map { $0 != MarkedText(text).text } ?? true
            }
            guard !shown.isEmpty else { return }
            out += "\n\(title)\n"
            for (path, text) in shown {
                if MarkedText(text).text.isEmpty {
                    out += "  (\(path) removed)\(text.isEmpty ? "" : " \(MarkedText.marker)")\n"
                } else if let old = earlier?[path] {
                    out += "  \(path), changed:\n"
                    for line in LineDiff.changes(from: old, to: text) {
                        switch line {
                        case nil: out += "    …\n"
                        case .same(let l): out += "      \(TerminalSafe.escape(l))\n"
                        case .removed(let l): out += "    - \(TerminalSafe.escape(l))\n"
                        case .added(let l): out += "    + \(TerminalSafe.escape(l))\n"
                        }
                    }
                } else {
                    out += "  \(path):\n"
                    for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
                        out += "    \(TerminalSafe.escape(String(line)))\n"
                    }
                }
            }
        }
        let earlier = d.before.map { RuleExamples.merged($0) }
        if let before = d.before {
            out += "\nThis rule compares a commit with its parent (validate --range, the push hook); both are shown as changes.\n"
            if before.isEmpty {
                out += "\nBefore (the parent commit): the example repository.\n"
            } else {
                files("Before (the parent commit), from the example repository:", before, changedFrom: RuleExamples.base)
            }
        }
        files("Bad (triggers \(d.id); \(MarkedText.marker) marks where it is reported):", d.bad, changedFrom: earlier)
        files("Good:", d.good, changedFrom: earlier)
        return out
    }
}
