import Foundation

/// Paths and edits in a copy of examples/ shared by the output tests: documents whose text and
/// trackers try to reach the reader as markup, links or terminal controls.
enum HostileExamples {
    static let postmortem = "postmortems/PM-2026-003-export-bucket-exposure/postmortem.md"
    static let finding = "postmortems/PM-2026-003-export-bucket-exposure/findings/F-2026-003-02-console-edit.md"
    static let item = "postmortems/PM-2026-003-export-bucket-exposure/remediations/R-2026-003-03-remove-console-write.md"

    /// A tracker whose links are `javascript:` and one whose links are `data:`.
    static func addScriptTrackers(_ repo: TemporaryDirectory) throws {
        let config = try repo.read(".aftermath.yml").replacingOccurrences(of: "policies:", with: """
          - name: evil
            pattern: '^EVIL:(?<key>[a-z]+)$'
            url: 'javascript:alert("{key}")'
          - name: blob
            pattern: '^BLOB:(?<key>[a-z]+)$'
            url: 'data:text/html,<script>alert("{key}")</script>'
        policies:
        """)
        try repo.write(".aftermath.yml", config)
    }

    /// Replaces a front matter line starting with `key:` in the file at `path`.
    static func set(_ repo: TemporaryDirectory, _ path: String, _ key: String, _ line: String) throws {
        let text = try repo.read(path)
        let lines = text.components(separatedBy: "\n").map { $0.hasPrefix(key + ":") ? line : $0 }
        try repo.write(path, lines.joined(separator: "\n"))
    }
}
