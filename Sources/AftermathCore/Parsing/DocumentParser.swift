/// A file read as a document: the document (when it is usable) and the problems found reading
/// it and checking it against its kind's schema.
public struct ParsedFile: Sendable {
    public var path: RepositoryPath
    public var document: Document?
    public var diagnostics: [Diagnostic]
}

public enum DocumentParser {
    /// A listed file that could not be read by its name: one diagnostic instead of ending the
    /// run. A name that is not valid UTF-8 is refused whether or not it could be read (a
    /// document's name must be text); otherwise the file went away during the check.
    public static func unreadable(path: RepositoryPath) -> ParsedFile {
        let why = !path.isValidUTF8
            ? "its file name is not valid UTF-8; rename it" : "it was removed or replaced while being checked"
        return ParsedFile(path: path, document: nil, diagnostics: [
            Diagnostic(path: path, location: .fileStart, severity: .error, ruleID: RuleID.invalidEncoding, message: "cannot be read: \(why)"),
        ])
    }

    /// `parse` of a file named by text.
    public static func parse(path: String, bytes: [UInt8], ruleset: Ruleset) -> ParsedFile {
        parse(path: RepositoryPath(path), bytes: bytes, ruleset: ruleset)
    }

    public static func parse(path: RepositoryPath, bytes: [UInt8], ruleset: Ruleset) -> ParsedFile {
        var diagnostics: [Diagnostic] = []
        func report(_ problem: ParseProblem) {
            diagnostics.append(Diagnostic(path: path, location: problem.location, severity: .error,
                                          ruleID: problem.ruleID, message: problem.message))
        }
        let framed: FramedDocument
        switch DocumentFramer.frame(bytes, limits: ruleset.configuration.limits) {
        case .failure(let problem):
            report(problem)
            return ParsedFile(path: path, document: nil, diagnostics: diagnostics)
        case .success(let f):
            framed = f
        }
        let output = FrontMatterReader.read(framed.frontMatter, firstLine: framed.frontMatterFirstLine, limits: ruleset.configuration.limits)
        output.problems.forEach(report)
        guard let root = output.root, case .object = root.value else {
            if output.problems.isEmpty {
                report(ParseProblem(RuleID.frontMatterNotMapping, at: output.root?.location ?? SourceLocation(line: 2, column: 1),
                                    "front matter must be a YAML mapping of fields (`key: value` lines)"))
            }
            return ParsedFile(path: path, document: nil, diagnostics: diagnostics)
        }

        let idValue = root["id"]?.stringValue
        let kindValue = root["kind"]?.stringValue
        guard let kind = kindValue.flatMap(DocumentKind.init(rawValue:)) ?? idValue.flatMap(DocumentKind.fromID) else {
            report(ParseProblem(RuleID.kindMismatch, at: root.location(of: "kind"),
                                "cannot tell what this document is: set `kind:` to postmortem, finding or remediation"))
            return ParsedFile(path: path, document: nil, diagnostics: diagnostics)
        }
        let hadReadingProblems = !diagnostics.isEmpty
        if let schema = ruleset.schemas[kind] {
            do {
                for violation in try schema.validate(root, maxChecks: ruleset.configuration.limits.maxSchemaChecks) {
                    diagnostics.append(Diagnostic(path: path, location: violation.location, severity: .error,
                                                  ruleID: RuleID.schema, message: violation.message))
                }
            } catch {
                report(SchemaWorkExceeded.problem(error, schema: ruleset.schemaSources[kind] ?? kind.schemaFile, at: root.location))
            }
        }
        guard let id = idValue else {
            return ParsedFile(path: path, document: nil, diagnostics: diagnostics)
        }
        let body = MarkdownBody(framed.body, firstLine: framed.bodyFirstLine)
        // The body's bytes are the file's last ones and already hashed: the file's fingerprint
        // hashes only what comes before and joins the two.
        let head = Fingerprint.lanes(bytes[..<(bytes.count - framed.body.count)])
        let document = Document(path: path, kind: kind, id: id, frontMatter: root, body: body,
                                isWellFormed: diagnostics.isEmpty && !hadReadingProblems,
                                fingerprint: Fingerprint.of(words: head, body.fingerprint, UInt64(bytes.count)))
        return ParsedFile(path: path, document: document, diagnostics: diagnostics)
    }
}
