import AftermathCore

/// Whether a postmortem can be closed and what blocks it (the core's `ClosureGate`), for its
/// hover and its code lens.
enum ClosureStatus {
    static func blockers(of postmortem: Document, in state: RepositoryState) -> [ClosureGate.Blocker<Document>] {
        ClosureGate.blockers(for: postmortem, in: state.index)
    }

    /// One line: `Can be closed` or `Closure blocked: 2 open (F-2026-001-01, R-2026-001-02)`.
    static func summary(of postmortem: Document, in state: RepositoryState) -> String {
        let blockers = blockers(of: postmortem, in: state)
        if blockers.isEmpty { return postmortem.status == "closed" ? "Closed" : "Can be closed: every finding and remediation item is finished" }
        return "Closure blocked by \(blockers.count) open: " + blockers.map(\.document.id).joined(separator: ", ")
    }

    /// Markdown: the summary and one line per blocker with its owner.
    static func details(of postmortem: Document, in state: RepositoryState) -> String {
        let blockers = blockers(of: postmortem, in: state)
        var text = "**\(summary(of: postmortem, in: state))**"
        for blocker in blockers {
            text += "\n- \(blocker.message)" + (blocker.owner.map { " (owner: \($0))" } ?? "")
        }
        return text
    }

    /// `textDocument/codeLens`: the closure status above a postmortem's first line.
    static func lenses(_ context: DocumentContext) -> [CodeLens] {
        guard let document = context.document, document.kind == .postmortem else { return [] }
        let start = Position(line: 0, character: 0)
        return [CodeLens(range: TextRange(start: start, end: start), command: Command(title: summary(of: document, in: context.state), command: ""))]
    }
}
