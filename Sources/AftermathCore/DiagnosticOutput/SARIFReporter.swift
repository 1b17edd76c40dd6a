/// SARIF 2.1.0, the format GitHub code scanning and other CI dashboards import.
public enum SARIFReporter {
    public static func report(_ diagnostics: [Diagnostic], toolVersion: String) -> String {
        let rules = RuleCatalogue.descriptions
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let ruleObjects: [JSONText] = rules.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("name", .string(rule.name)),
                ("shortDescription", .object([("text", .string(rule.summary))])),
                ("fullDescription", .object([("text", .string(rule.rationale))])),
                ("help", .object([("text", .string("Run `aftermath explain \(rule.id)` for bad and good examples."))])),
                ("defaultConfiguration", .object([("level", .string(rule.severity.rawValue))])),
            ])
        }
        let results: [JSONText] = diagnostics.map { d in
            var fields: [(String, JSONText)] = [("ruleId", .string(d.ruleID))]
            if let i = ruleIndex[d.ruleID] { fields.append(("ruleIndex", .int(i))) }
            fields.append(("level", .string(d.severity.rawValue)))
            var message = d.message
            if let owner = d.owner { message += " (owner: \(owner))" }
            fields.append(("message", .object([("text", .string(message))])))
            fields.append(("locations", .array([.object([
                ("physicalLocation", .object([
                    ("artifactLocation", .object([("uri", .string(uri(d.path.text))), ("uriBaseId", .string("%SRCROOT%"))])),
                    ("region", .object([("startLine", .int(max(1, d.location.line))), ("startColumn", .int(max(1, d.location.column)))])),
                ])),
            ])])))
            if let commit = d.commit { fields.append(("properties", .object([("commit", .string(commit))]))) }
            return .object(fields)
        }
        return JSONText.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("aftermath")),
                    ("version", .string(toolVersion)),
                    ("rules", .array(ruleObjects)),
                ]))])),
                ("results", .array(results)),
            ])])),
        ]).rendered() + "\n"
    }

    /// A relative URI reference: unreserved characters and `/` kept, everything else escaped.
    static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            if ASCII.isAlphanumeric(byte) || "-._~/".utf8.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
