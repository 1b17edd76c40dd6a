import Foundation
import AftermathCore
import AftermathEngine

/// `textDocument/codeAction`: for the diagnostics the client passes, "did you mean" fixes
/// (unknown owners, broken links, tracker near-misses), a missing required field added, and
/// for a finding without remediation items, a new item (`CreateFile` and its text, as
/// `aftermath new remediation` would write it). The client applies the edits; the server writes
/// nothing.
enum CodeActions {
    static func actions(_ context: DocumentContext, for diagnostics: [LSPDiagnostic], today: Timestamp) -> [CodeAction] {
        var actions: [CodeAction] = []
        for diagnostic in diagnostics where diagnostic.source == "aftermath" {
            if let fix = didYouMean(context, diagnostic) { actions.append(fix) }
            if let add = addRequiredField(context, diagnostic) { actions.append(add) }
            if diagnostic.code == RuleID.findingWithoutRemediation, let create = createRemediation(context, diagnostic, today: today) {
                actions.append(create)
            }
        }
        return actions
    }

    /// What a "did you mean" message suggests, and the backquoted names before the hint, last
    /// first: one of them is what was written (`` `owner` names `dmitr` `` → `dmitr`).
    static func suggestion(in message: String) -> (candidates: [String], meant: String)? {
        guard let hint = message.range(of: "did you mean `") else { return nil }
        let meant = String(message[hint.upperBound...].prefix { $0 != "`" })
        let quoted = message[..<hint.lowerBound].split(separator: "`", omittingEmptySubsequences: false)
        // Odd pieces are between backquotes.
        let candidates = stride(from: 1, to: quoted.count - 1, by: 2).map { String(quoted[$0]) }.filter { !$0.isEmpty && $0 != meant }
        guard !meant.isEmpty, !candidates.isEmpty else { return nil }
        return (candidates.reversed(), meant)
    }

    private static func didYouMean(_ context: DocumentContext, _ diagnostic: LSPDiagnostic) -> CodeAction? {
        guard let (candidates, meant) = suggestion(in: diagnostic.message) else { return nil }
        let buffer = context.buffer
        let line = diagnostic.range.start.line
        guard line < buffer.lineCount else { return nil }
        let from = buffer.offset(of: diagnostic.range.start, encoding: context.encoding)
        let lineBytes = buffer.bytes[from..<buffer.contentEnd(ofLine: line)]
        guard let (written, found) = candidates.lazy.compactMap({ name in firstRange(of: Array(name.utf8), in: lineBytes).map { (name, $0) } }).first
        else { return nil }
        let edit = TextEdit(range: context.range(found), newText: meant)
        return CodeAction(title: "Replace `\(written)` with `\(meant)`", kind: "quickfix", diagnostics: [diagnostic], isPreferred: true,
                          edit: WorkspaceEdit(documentChanges: [.edit(TextDocumentEdit(textDocument: .init(uri: context.uri, version: nil), edits: [edit]))]))
    }

    private static func firstRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Swift.Range<Int>? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        while i + needle.count <= haystack.endIndex {
            if haystack[i..<i + needle.count].elementsEqual(needle) { return i..<i + needle.count }
            i += 1
        }
        return nil
    }

    private static func addRequiredField(_ context: DocumentContext, _ diagnostic: LSPDiagnostic) -> CodeAction? {
        guard diagnostic.code == RuleID.schema, let marker = diagnostic.message.range(of: "missing required field `") else { return nil }
        let field = diagnostic.message[marker.upperBound...].prefix { $0 != "`" }
        guard !field.isEmpty, !field.contains("."), let lines = FrontMatterCursor.frontMatterLines(context.buffer),
              lines.upperBound < context.buffer.lineCount else { return nil }
        let at = context.buffer.lineStarts[lines.upperBound]
        let edit = TextEdit(range: context.range(at..<at), newText: "\(field): \n")
        return CodeAction(title: "Add the required field `\(field)`", kind: "quickfix", diagnostics: [diagnostic], isPreferred: false,
                          edit: WorkspaceEdit(documentChanges: [.edit(TextDocumentEdit(textDocument: .init(uri: context.uri, version: nil), edits: [edit]))]))
    }

    private static func createRemediation(_ context: DocumentContext, _ diagnostic: LSPDiagnostic, today: Timestamp) -> CodeAction? {
        let state = context.state
        guard let finding = context.document, finding.kind == .finding, let postmortem = state.neighbourhood(of: finding).postmortem(of: finding),
              let ruleset = state.ruleset else { return nil }
        let id = IDAllocator.nextRemediation(postmortem: postmortem.id, used: state.usedNames)
        let title = "Remediate: \(finding.title ?? finding.id)"
        let path = RepositoryPath("remediations/\(id)-\(DocumentTemplate.slug(title)).md").prefixed(by: postmortem.path.folder.text + "/")
        let fields: [(String, FieldChange.NewValue)] = [
            ("id", .scalar(id)), ("kind", .scalar("remediation")), ("finding", .scalar(finding.id)), ("title", .scalar(title)),
            ("owner", .scalar(finding.owner ?? "")), ("due", .scalar(NewDocument.policyDue(postmortem, ruleset, today: today))), ("status", .scalar("open")),
        ]
        let text = DocumentTemplate.render(kind: .remediation, path: path.text, schema: ruleset.ownSchemaFile(for: .remediation), fields: fields, sections: ruleset.configuration.sections[.remediation] ?? [])
        let uri = context.uri(of: path)
        let start = Position(line: 0, character: 0)
        return CodeAction(title: "Create remediation item \(id) for \(finding.id)", kind: "quickfix", diagnostics: [diagnostic], isPreferred: false,
                          edit: WorkspaceEdit(documentChanges: [
                              .create(CreateFile(uri: uri, options: .init(overwrite: false, ignoreIfExists: true))),
                              .edit(TextDocumentEdit(textDocument: .init(uri: uri, version: nil), edits: [TextEdit(range: TextRange(start: start, end: start), newText: text)])),
                          ]))
    }
}
