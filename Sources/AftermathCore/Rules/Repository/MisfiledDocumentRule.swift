/// A document filed in one postmortem's folder should belong to that postmortem.
public struct MisfiledDocumentRule: DocumentwiseRule {
    public static let description = RuleDescription(
        id: RuleID.misfiled, name: "misfiled-document", severity: .warning,
        summary: "A finding or remediation item filed under a postmortem's folder must link (directly or through its finding) to that postmortem.",
        rationale: "Reviewers browse by folder; an item filed under the wrong incident is reviewed in the wrong meeting.",
        bad: [
            "postmortems/PM-2026-002-other/postmortem.md": RuleExamples.postmortem
                .replacing("PM-2026-001", with: "PM-2026-002").replacing("status: published", with: "status: draft"),
            "postmortems/PM-2026-002-other/findings/F-2026-001-02-misfiled.md": RuleExamples.finding
                .replacing("F-2026-001-01", with: "F-2026-001-02").replacing("status: open", with: "status: accepted-risk\njustification: Cheap enough.\napproved_by: carol")
                .replacing("postmortem: PM-2026-001", with: "↓postmortem: PM-2026-001"),
        ],
        good: [
            "postmortems/PM-2026-002-other/postmortem.md": RuleExamples.postmortem
                .replacing("PM-2026-001", with: "PM-2026-002").replacing("status: published", with: "status: draft"),
            "postmortems/PM-2026-002-other/findings/F-2026-002-01-filed.md": RuleExamples.finding
                .replacing("F-2026-001-01", with: "F-2026-002-01").replacing("PM-2026-001", with: "PM-2026-002")
                .replacing("status: open", with: "status: accepted-risk\njustification: Cheap enough.\napproved_by: carol"),
        ],
        mentions: ["PM-2026-002", "PM-2026-001"])

    public init() {}

    public func check(_ document: Document, in index: RepositoryIndex, context: RuleContext, into diagnostics: inout [Diagnostic]) {
        guard document.kind != .postmortem, let folderID = Self.postmortemFolderID(document.path),
              let owningPM = index.postmortem(of: document), owningPM.id != folderID else { return }
        diagnostics.append(context.diagnostic(Self.description, document, at: document.location(of: document.kind == .finding ? "postmortem" : "finding"),
            "filed under \(folderID)'s folder but belongs to \(owningPM.id); move it to \(owningPM.path.text.split(separator: "/").dropLast().joined(separator: "/"))/"))
    }

    /// `PM-2026-007` for a path containing a `PM-2026-007-slug/` folder.
    static func postmortemFolderID(_ path: RepositoryPath) -> String? {
        // Over the path's bytes: slicing the string at each slash cost most of the rule's time
        // (every finding's and item's path, measured at 100,000 documents).
        path.withByteBuffer { bytes in
            var start = 0
            for i in bytes.indices where bytes[i] == UInt8(ascii: "/") {
                let component = UnsafeBufferPointer(rebasing: bytes[start..<i])
                if let length = FileNameMatchesIDRule.leadingIDLength(component, prefix: "PM-", groups: 2) {
                    return String(decoding: UnsafeBufferPointer(rebasing: component[0..<length]), as: UTF8.self)
                }
                start = i + 1
            }
            return nil
        }
    }
}
