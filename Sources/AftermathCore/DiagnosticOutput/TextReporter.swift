/// `path:line:column: error|warning: message [RULE]`, one line each, as compilers print them,
/// so editors and CI logs link straight to the place.
public enum TextReporter {
    public static func line(_ d: Diagnostic) -> String {
        var text = "\(d.path.text):\(d.location.line):\(d.location.column): \(d.severity.rawValue): \(d.message) [\(d.ruleID)]"
        if let owner = d.owner { text += " (owner: \(owner))" }
        if let commit = d.commit { text += " (commit \(commit.prefix(12)))" }
        return TerminalSafe.escape(text)
    }

    public static func rangeSummary(_ diagnostics: [Diagnostic], commits: Int) -> String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        let scope = "\(commits) commit\(commits == 1 ? "" : "s")"
        if errors == 0 && warnings == 0 { return "\(scope) checked: no new problems" }
        return "\(scope) checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") introduced"
    }

    public static func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        let scope = "\(files) document\(files == 1 ? "" : "s")"
        if files == 0 { return "no documents found under the configured roots" }
        if errors == 0 && warnings == 0 { return "\(scope) checked: no problems" }
        return "\(scope) checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }
}
