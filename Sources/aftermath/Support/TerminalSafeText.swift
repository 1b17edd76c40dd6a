import AftermathCore

/// The core's escaping, named for the CLI's own messages.
enum TerminalSafeText {
    static func escape(_ text: String) -> String { TerminalSafe.escape(text) }
}
