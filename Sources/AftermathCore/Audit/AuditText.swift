/// Small pieces of text every file of a pack writes the same way.
enum AuditText {
    /// `Alice Moreau <alice@example.org>`.
    static func person(_ meta: CommitMeta) -> String { "\(meta.authorName) <\(meta.authorEmail)>" }

    /// `71 h`, `72 h 30 min`.
    static func hours(_ value: Double) -> String {
        let minutes = Int((value * 60).rounded())
        return minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(minutes % 60) min"
    }

    static func short(_ commit: String?) -> String { commit.map { String($0.prefix(12)) } ?? "—" }

    static func plural(_ count: Int, _ word: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? word : plural ?? word + "s")"
    }
}
