/// Where a file follows the naming convention, its name must carry its own ID.
public struct FileNameMatchesIDRule: DocumentRule {
    public static let description = RuleDescription(
        id: RuleID.fileNameMismatch, name: "file-name-matches-id", severity: .warning,
        summary: "A file named by the convention (`PM-…-slug/postmortem.md`, `F-…-slug.md`, `R-…-slug.md`) must carry its document's ID.",
        rationale: "IDs are the identity and paths only a convention, but a file named after another ID misleads every reader of the tree.",
        bad: [
            "postmortems/PM-2026-001-db-outage/findings/F-2026-001-07-no-failover.md": RuleExamples.finding,
            RuleExamples.findingPath: "",
        ].filter { !$0.value.isEmpty },
        good: [:])

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Diagnostic] {
        let path = Substring(document.path)
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let file = slash.map { path[path.index(after: $0)...] } ?? path
        let named: Substring?
        if document.kind == .postmortem {
            guard file == "postmortem.md", let slash else { return [] }
            let folderPath = path[..<slash]
            let folder = folderPath.utf8.lastIndex(of: UInt8(ascii: "/")).map { folderPath[folderPath.index(after: $0)...] } ?? folderPath
            named = Self.leadingID(folder, prefix: "PM-", groups: 2)
        } else {
            named = Self.leadingID(file, prefix: document.kind.idPrefix, groups: 3)
        }
        guard let named, named != document.id else { return [] }
        return [context.diagnostic(Self.description, document, at: document.location(of: "id"),
            "file name says `\(named)` but the document's ID is `\(document.id)`; rename the file or fix the ID")]
    }

    /// `PM-2026-007` from `PM-2026-007-slug`: the prefix and `groups` dash-separated digit runs.
    /// Read as bytes: every document's path passes through here on each run.
    static func leadingID(_ name: Substring, prefix: String, groups: Int) -> Substring? {
        let bytes = name.utf8
        guard bytes.starts(with: prefix.utf8) else { return nil }
        var i = bytes.index(bytes.startIndex, offsetBy: prefix.utf8.count)
        for group in 0..<groups {
            if group > 0 {
                guard i < bytes.endIndex, bytes[i] == UInt8(ascii: "-") else { return nil }
                i = bytes.index(after: i)
            }
            let digits = i
            while i < bytes.endIndex, bytes[i] >= 0x30 && bytes[i] <= 0x39 { i = bytes.index(after: i) }
            guard i != digits else { return nil }
        }
        guard i == bytes.endIndex || bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: ".") else { return nil }
        return name[..<i]
    }
}
