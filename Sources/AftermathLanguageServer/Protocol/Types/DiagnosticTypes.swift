/// `textDocument/publishDiagnostics` and the LSP `Diagnostic` (named so here to stay apart
/// from the core's `Diagnostic`, which it is made from).
public struct LSPDiagnostic: Codable, Sendable, Hashable {
    public var range: TextRange
    public var severity: DiagnosticSeverity
    /// The rule ID (`AM206`).
    public var code: String?
    public var codeDescription: CodeDescription?
    public var source: String
    public var message: String

    public init(range: TextRange, severity: DiagnosticSeverity, code: String?, codeDescription: CodeDescription?, message: String) {
        self.range = range
        self.severity = severity
        self.code = code
        self.codeDescription = codeDescription
        source = "aftermath"
        self.message = message
    }
}

public struct CodeDescription: Codable, Sendable, Hashable {
    public var href: String
}

public enum DiagnosticSeverity: Int, Codable, Sendable {
    case error = 1
    case warning = 2
    case information = 3
    case hint = 4
}

public struct PublishDiagnosticsParams: Codable, Sendable {
    public var uri: String
    public var version: Int?
    public var diagnostics: [LSPDiagnostic]
}
