import AftermathCore

/// What one check of an editor's buffers found (`EditorSession.check`): exactly what
/// `Workspace.validate(.workingTree)` reports for the working tree with those buffers saved,
/// the rules that judged it, and the documents as of that state for an editor's lookups.
public struct EditorCheck {
    /// Every diagnostic, in reporting order.
    public var diagnostics: [Diagnostic]
    public var ruleset: Ruleset
    /// The files judged.
    public var fileCount: Int
    /// The documents of the checked state, kept for lookups until the next check.
    public var index: EditorIndex
    /// Whether the check started from the summary (re-reading only what the buffers and the
    /// files changed since it reach) rather than reading the repository whole.
    public var throughSummary: Bool
}
