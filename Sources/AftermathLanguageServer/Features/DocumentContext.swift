import AftermathCore

/// One document as a feature sees it: its text, where it is in the repository, the negotiated
/// encoding, and the repository's state.
struct DocumentContext {
    let uri: String
    /// Repository-relative; nil outside the root.
    let path: RepositoryPath?
    let buffer: TextBuffer
    let encoding: PositionEncoding
    let state: RepositoryState

    /// The document's kind: from its `kind:` line, else its ID, else its file name.
    var kind: DocumentKind? {
        if let lines = FrontMatterCursor.frontMatterLines(buffer) {
            for line in lines {
                let text = buffer.lineText(line)
                if text.hasPrefix("kind:"), let kind = DocumentKind(rawValue: text.dropFirst(5).trimmingSpaces) { return kind }
                if text.hasPrefix("id:"), let kind = DocumentKind.fromID(text.dropFirst(3).trimmingSpaces) { return kind }
            }
        }
        guard let path else { return nil }
        let text = path.text
        if text.hasSuffix("/postmortem.md") { return .postmortem }
        if text.contains("/findings/") { return .finding }
        if text.contains("/remediations/") { return .remediation }
        return nil
    }

    /// The document as the last validation read it.
    var document: Document? { path.flatMap(state.document(atPath:)) }

    func cursor(at position: Position) -> FrontMatterCursor {
        FrontMatterCursor(buffer, offset: buffer.offset(of: position, encoding: encoding))
    }

    func range(_ bytes: Swift.Range<Int>) -> TextRange {
        TextRange(start: buffer.position(ofOffset: bytes.lowerBound, encoding: encoding),
                  end: buffer.position(ofOffset: bytes.upperBound, encoding: encoding))
    }

    /// The URI of a repository file.
    func uri(of path: RepositoryPath) -> String { DocumentURI.uri(bytes: state.absolutePath(path)) }

    /// The client range of the core's location in another repository file.
    func range(of location: SourceLocation, inFile path: RepositoryPath) -> TextRange {
        let other = path == self.path ? buffer : TextBuffer(state.bytes(of: path) ?? [])
        let start = other.position(of: location, encoding: encoding)
        return TextRange(start: start, end: start)
    }
}

/// Fields that name people or teams of the owners registry.
enum FieldRoles {
    static let handles: Set<String> = ["owner", "authors", "approved_by", "closed_by", "actors"]
    static let bugs: Set<String> = ["bugs", "bug"]

    /// The kinds of document a linking field names.
    static func linkedKind(_ field: String) -> DocumentKind? {
        switch field {
        case "postmortem": return .postmortem
        case "finding", "related": return .finding
        default: return nil
        }
    }

    /// Whether `word` has the shape of a document ID.
    static func isID(_ word: String) -> Bool {
        guard let kind = DocumentKind.fromID(word) else { return false }
        let rest = word.dropFirst(kind.idPrefix.count)
        return !rest.isEmpty && rest.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") }
    }
}
