/// The machine-readable form of a validation run. Field names are stable (documented in the
/// docs/commands.md); new fields may be added, existing ones never renamed.
public enum JSONReporter {
    public static let formatVersion = 1

    public static func diagnostic(_ d: Diagnostic) -> JSONText {
        var fields: [(String, JSONText)] = [
            ("path", .string(d.path.text)), ("line", .int(d.location.line)), ("column", .int(d.location.column)),
            ("severity", .string(d.severity.rawValue)), ("rule", .string(d.ruleID)), ("message", .string(d.message)),
        ]
        fields.append(("owner", .optional(d.owner)))
        fields.append(("commit", .optional(d.commit)))
        return .object(fields)
    }

    public static func report(_ diagnostics: [Diagnostic], files: Int) -> String {
        JSONText.object([
            ("version", .int(formatVersion)),
            ("tool", .string("aftermath")),
            ("summary", .object([
                ("documents", .int(files)), ("errors", .int(diagnostics.errorCount)), ("warnings", .int(diagnostics.warningCount)),
            ])),
            ("diagnostics", .array(diagnostics.map(diagnostic))),
        ]).rendered() + "\n"
    }
}
