/// The text of a new document, as `aftermath new` writes it: front matter in a fixed order,
/// a schema comment so YAML language servers validate as the user types, and the required
/// body sections with prompts.
public enum DocumentTemplate {
    /// `schema` is the repository's own schema file for the kind (`schema/finding.schema.json`),
    /// which the comment points editors at; nil when the repository has none (the built-in
    /// schema has no file to point at), and the comment is left out.
    public static func render(kind: DocumentKind, path: String, schema: String?, fields: [(String, FieldChange.NewValue)], sections: [String],
                              nested: [(String, [(String, String)])] = [], trailing: [(String, FieldChange.NewValue)] = []) -> String {
        var out = "---\n"
        if let schema {
            let depth = path.split(separator: "/").count - 1
            out += "# yaml-language-server: $schema=\(String(repeating: "../", count: depth) + schema)\n"
        }
        for (key, value) in fields { out += "\(key): \(YAMLScalar.render(value))\n" }
        for (key, entries) in nested {
            out += "\(key):\n"
            for (k, v) in entries { out += "  \(k): \(YAMLScalar.scalar(v, preferring: .plain))\n" }
        }
        for (key, value) in trailing { out += "\(key): \(YAMLScalar.render(value))\n" }
        out += "---\n"
        for section in sections {
            out += "## \(section)\n\(prompt(for: section, kind: kind))\n\n"
        }
        if sections.isEmpty { out += prompt(for: "", kind: kind) + "\n" }
        return out
    }

    static func prompt(for section: String, kind: DocumentKind) -> String {
        switch section {
        case "Summary": return "What happened, to whom, for how long, in two or three sentences."
        case "Timeline": return "<!-- One list item per event, oldest first: `- 2026-03-01 10:05 What happened` (UTC) -->"
        case "Root cause": return "Why it happened: the conditions, not the person."
        case "Response": return "How it was detected, contained and fixed."
        case "Lessons": return "What went well, what did not, where we got lucky."
        default:
            return kind == .finding ? "What was found, with evidence." : "What will be done, and how we will know it worked."
        }
    }

    /// `payment-api-outage` from a title (see `Slug`).
    public static func slug(_ title: String) -> String { Slug.make(from: title) }
}

/// The next free ID of each kind, from the IDs in use and the file names present (so that a
/// file that does not parse still reserves its ID).
public enum IDAllocator {
    public static func nextPostmortem(year: Int, used: [String]) -> String {
        let prefix = "PM-\(year)-"
        return prefix + pad(highest(after: prefix, in: used) + 1, 3)
    }

    /// `F-2026-007-03` for the third finding of `PM-2026-007`.
    public static func nextFinding(postmortem: String, used: [String]) -> String {
        let prefix = "F-" + postmortem.dropFirst(3) + "-"
        return prefix + pad(highest(after: prefix, in: used) + 1, 2)
    }

    /// `R-2026-007-05`: remediation items are numbered across their postmortem.
    public static func nextRemediation(postmortem: String, used: [String]) -> String {
        let prefix = "R-" + postmortem.dropFirst(3) + "-"
        return prefix + pad(highest(after: prefix, in: used) + 1, 2)
    }

    static func highest(after prefix: String, in used: [String]) -> Int {
        used.compactMap { name -> Int? in
            guard name.hasPrefix(prefix) else { return nil }
            return Int(name.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber })
        }.max() ?? 0
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        String(repeating: "0", count: max(0, width - String(n).count)) + String(n)
    }
}
