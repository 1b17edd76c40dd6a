import CYaml

/// Reads front matter from libyaml's event stream into a `Node` tree with file positions.
///
/// Events rather than Yams' node trees: they are several times cheaper, carry exact marks,
/// and show anchors, aliases, tags and merge keys before anything is expanded, so those are
/// refused outright (a document format never needs them, and aliases are how YAML bombs work).
/// Problems that do not stop parsing are collected, so one run reports all of them.
public final class FrontMatterReader {
    public struct Output: Sendable {
        public var root: Node?
        public var problems: [ParseProblem]
    }

    private let limits: ParseLimits
    private let firstLine: Int
    private var parser = yaml_parser_t()
    private var problems: [ParseProblem] = []

    private init(limits: ParseLimits, firstLine: Int) {
        self.limits = limits
        self.firstLine = firstLine
    }

    /// - Parameters:
    ///   - yaml: UTF-8 bytes of the front matter (already checked to be valid UTF-8).
    ///   - firstLine: file line number of the first byte, so positions are file positions.
    /// - Parameter simple: read the common shape directly (`SimpleFrontMatter`); tests turn it
    ///   off to compare.
    public static func read(_ yaml: [UInt8], firstLine: Int, limits: ParseLimits = .standard, simple: Bool = true) -> Output {
        read(yaml[...], firstLine: firstLine, limits: limits, simple: simple)
    }

    /// `read` of part of a file, in place.
    public static func read(_ yaml: ArraySlice<UInt8>, firstLine: Int, limits: ParseLimits = .standard, simple: Bool = true) -> Output {
        if simple, let root = yaml.withUnsafeBufferPointer({ SimpleFrontMatter.read($0, firstLine: firstLine, limits: limits) }) {
            return Output(root: root, problems: [])
        }
        let reader = FrontMatterReader(limits: limits, firstLine: firstLine)
        // libyaml needs a non-null input pointer even for an empty front matter.
        let input = yaml.isEmpty ? [0x0A] : yaml
        return input.withUnsafeBufferPointer { buffer in reader.run(buffer) }
    }

    private enum Stop: Error { case syntax(ParseProblem), limit(ParseProblem) }

    private func run(_ buffer: UnsafeBufferPointer<UInt8>) -> Output {
        guard yaml_parser_initialize(&parser) == 1 else {
            return Output(root: nil, problems: [ParseProblem(RuleID.yamlSyntax, at: location(line: 0, column: 0), "YAML parser could not start")])
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var root: Node?
        do {
            root = try readStream()
        } catch Stop.syntax(let p), Stop.limit(let p) {
            problems.append(p)
        } catch {
            problems.append(ParseProblem(RuleID.yamlSyntax, at: location(line: 0, column: 0), "YAML could not be read"))
        }
        return Output(root: root, problems: problems)
    }

    // MARK: Events

    private struct Event: ~Copyable {
        var raw = yaml_event_t()
        deinit {
            var owned = raw
            yaml_event_delete(&owned)
        }
    }

    private func next() throws -> Event {
        var event = Event()
        guard yaml_parser_parse(&parser, &event.raw) == 1 else {
            let mark = parser.problem_mark
            let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
            let context = parser.context.map { String(cString: $0) + ": " } ?? ""
            // An unclosed quote or bracket is noticed lines later; the place to fix is where it
            // opened (libyaml's context mark), and the message says where the parser gave up.
            let opened = parser.context_mark
            if parser.context != nil, (opened.line, opened.column) < (mark.line, mark.column) {
                let found = location(mark)
                throw Stop.syntax(ParseProblem(RuleID.yamlSyntax, at: location(opened),
                    "YAML syntax error: \(context)\(problem) (noticed at line \(found.line), column \(found.column))"))
            }
            throw Stop.syntax(ParseProblem(RuleID.yamlSyntax, at: location(mark), "YAML syntax error: \(context)\(problem)"))
        }
        return event
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        location(line: Int(mark.line), column: Int(mark.column))
    }

    private func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(line: line + firstLine, column: column + 1)
    }

    private func readStream() throws -> Node? {
        _ = try next() // STREAM-START
        let start = try next()
        if start.raw.type == YAML_STREAM_END_EVENT { return nil }
        let first = try next()
        let root = try readNode(first, depth: 1)
        _ = try next() // DOCUMENT-END
        let after = try next()
        if after.raw.type == YAML_DOCUMENT_START_EVENT {
            problems.append(ParseProblem(RuleID.forbiddenYAML, at: location(after.raw.start_mark),
                                         "front matter holds a second YAML document; use a single mapping"))
        }
        return root
    }

    private func readNode(_ event: borrowing Event, depth: Int) throws -> Node {
        let here = location(event.raw.start_mark)
        if depth > limits.maxDepth {
            throw Stop.limit(ParseProblem(RuleID.limitExceeded, at: here,
                                          "front matter nests deeper than \(limits.maxDepth) levels"))
        }
        switch event.raw.type {
        case YAML_ALIAS_EVENT:
            problems.append(ParseProblem(RuleID.forbiddenYAML, at: here,
                                         "YAML aliases (`*name`) are not allowed in front matter; write the value out"))
            return Node(.null, at: here)
        case YAML_SCALAR_EVENT:
            let scalar = event.raw.data.scalar
            refuseDecorations(anchor: scalar.anchor, tag: scalar.tag, at: here)
            return Node(scalarValue(scalar.value, length: scalar.length, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, at: here), at: here)
        case YAML_SEQUENCE_START_EVENT:
            let sequence = event.raw.data.sequence_start
            refuseDecorations(anchor: sequence.anchor, tag: sequence.tag, at: here)
            var items: [Node] = []
            while true {
                let item = try next()
                if item.raw.type == YAML_SEQUENCE_END_EVENT { break }
                items.append(try readNode(item, depth: depth + 1))
            }
            return Node(.array(items), at: here)
        case YAML_MAPPING_START_EVENT:
            let mapping = event.raw.data.mapping_start
            refuseDecorations(anchor: mapping.anchor, tag: mapping.tag, at: here)
            return Node(.object(try readEntries(depth: depth)), at: here)
        default:
            throw Stop.syntax(ParseProblem(RuleID.yamlSyntax, at: here, "unexpected YAML event"))
        }
    }

    private func readEntries(depth: Int) throws -> [Node.Entry] {
        var entries: [Node.Entry] = []
        while true {
            let keyEvent = try next()
            if keyEvent.raw.type == YAML_MAPPING_END_EVENT { break }
            let keyLocation = location(keyEvent.raw.start_mark)
            let key = try readNode(keyEvent, depth: depth + 1)
            let valueEvent = try next()
            let value = try readNode(valueEvent, depth: depth + 1)
            guard case .string(let name) = key.value else {
                problems.append(ParseProblem(RuleID.forbiddenYAML, at: keyLocation,
                                             "mapping keys must be strings; quote the key"))
                continue
            }
            if name == "<<" && isPlain(keyEvent) {
                problems.append(ParseProblem(RuleID.forbiddenYAML, at: keyLocation,
                                             "YAML merge keys (`<<`) are not allowed in front matter"))
                continue
            }
            // A linear scan beats hashing for the dozen keys a mapping has.
            if let earlier = entries.first(where: { $0.key == name }) {
                problems.append(ParseProblem(RuleID.duplicateKey, at: keyLocation,
                                             "duplicate key `\(name)` (first defined on line \(earlier.keyLocation.line))"))
                continue
            }
            entries.append(Node.Entry(key: name, keyLocation: keyLocation, value: value))
        }
        return entries
    }

    private func isPlain(_ event: borrowing Event) -> Bool {
        event.raw.type == YAML_SCALAR_EVENT && event.raw.data.scalar.style == YAML_PLAIN_SCALAR_STYLE
    }

    private func refuseDecorations(anchor: UnsafeMutablePointer<UInt8>?, tag: UnsafeMutablePointer<UInt8>?, at here: SourceLocation) {
        if anchor != nil {
            problems.append(ParseProblem(RuleID.forbiddenYAML, at: here,
                                         "YAML anchors (`&name`) are not allowed in front matter"))
        }
        if let tag {
            let name = String(cString: tag)
            problems.append(ParseProblem(RuleID.forbiddenYAML, at: here,
                                         "explicit YAML tag `\(name)` is not allowed in front matter"))
        }
    }

    private func scalarValue(_ bytes: UnsafeMutablePointer<UInt8>?, length: Int, plain: Bool, at here: SourceLocation) -> Node.Value {
        if length > limits.maxScalarBytes {
            problems.append(ParseProblem(RuleID.limitExceeded, at: here,
                                         "value is \(length) bytes, above the limit of \(limits.maxScalarBytes) bytes"))
            return .string("")
        }
        let text = String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
        guard plain else { return .string(text) }
        switch CoreSchemaScalar.resolve(text) {
        case .value(let value): return value
        case .nonFinite:
            problems.append(ParseProblem(RuleID.forbiddenYAML, at: here,
                                         "`\(text)` (NaN or infinity) is not a valid value; quote it if you mean the text"))
            return .null
        }
    }
}
