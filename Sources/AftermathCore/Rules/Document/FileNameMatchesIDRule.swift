/// Where a file follows the naming convention, its name must carry its own ID.
public struct FileNameMatchesIDRule: DocumentRule {
    public static let description = RuleDescription(
        id: RuleID.fileNameMismatch, name: "file-name-matches-id", severity: .warning,
        summary: "A file named by the convention (`PM-…-slug/postmortem.md`, `F-…-slug.md`, `R-…-slug.md`) must carry its document's ID.",
        rationale: "IDs are the identity and paths only a convention, but a file named after another ID misleads every reader of the tree.",
        bad: [
            "postmortems/PM-2026-001-db-outage/findings/F-2026-001-07-no-failover.md": RuleExamples.finding.replacing("id:", with: "↓id:"),
            RuleExamples.findingPath: "",
        ],
        good: [
            "postmortems/PM-2026-001-db-outage/findings/F-2026-001-01-manual-failover.md": RuleExamples.finding,
            RuleExamples.findingPath: "",
        ],
        mentions: ["F-2026-001-07", "F-2026-001-01"])

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Diagnostic] {
        // Over the path's bytes (every document's path passes through here on each run): a
        // file name's ID, or for `postmortem.md` its folder's.
        let named: String? = document.path.withByteBuffer { bytes in
            let slash = bytes.lastIndex(of: UInt8(ascii: "/"))
            let file = UnsafeBufferPointer(rebasing: bytes[(slash.map { $0 + 1 } ?? 0)...])
            let name: UnsafeBufferPointer<UInt8>, length: Int?
            if document.kind == .postmortem {
                guard let slash, file.elementsEqual("postmortem.md".utf8) else { return nil }
                name = UnsafeBufferPointer(rebasing: bytes[((bytes[..<slash].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 }) ?? 0)..<slash])
                length = Self.leadingIDLength(name, prefix: "PM-", groups: 2)
            } else {
                name = file
                length = Self.leadingIDLength(name, prefix: document.kind.idPrefix, groups: 3)
            }
            return length.map { String(decoding: UnsafeBufferPointer(rebasing: name[0..<$0]), as: UTF8.self) }
        }
        guard let named, named != document.id else { return [] }
        return [context.diagnostic(Self.description, document, at: document.location(of: "id"),
            "file name says `\(named)` but the document's ID is `\(document.id)`; rename the file or fix the ID")]
    }

    /// The length in bytes of the ID a name starts with (`PM-2026-007` of `PM-2026-007-slug`:
    /// the prefix and `groups` dash-separated digit runs, then a dash, a dot or the end), nil
    /// when it has none.
    static func leadingIDLength(_ bytes: UnsafeBufferPointer<UInt8>, prefix: String, groups: Int) -> Int? {
        guard bytes.starts(with: prefix.utf8) else { return nil }
        var i = prefix.utf8.count
        for group in 0..<groups {
            if group > 0 {
                guard i < bytes.count, bytes[i] == UInt8(ascii: "-") else { return nil }
                i += 1
            }
            let digits = i
            while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
            guard i != digits else { return nil }
        }
        guard i == bytes.count || bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: ".") else { return nil }
        return i
    }
}
