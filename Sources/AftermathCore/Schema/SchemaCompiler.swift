/// Turns a schema document into `SchemaNode`s. Keywords outside the supported set are
/// refused by name: a check that silently does nothing is worse than an error.
struct SchemaCompiler {
    static let annotationKeywords: Set<String> = [
        "$schema", "$comment", "title", "description", "default", "examples", "deprecated",
        "readOnly", "writeOnly", "$defs", "minContains", "maxContains", "then", "else",
    ]

    let root: Node
    let options: SchemaOptions
    var nodes: [SchemaNode] = []
    /// Where each node was written (its JSON pointer), by the pointer.
    private(set) var compiledPointers: [String: Int] = [:]

    init(root: Node, options: SchemaOptions) {
        self.root = root
        self.options = options
    }

    private func fail(_ pointer: String, _ message: String) -> SchemaCompileError {
        SchemaCompileError(pointer: pointer, message: message)
    }

    mutating func compile(_ schema: Node, pointer: String) throws(SchemaCompileError) -> Int {
        if let index = compiledPointers[pointer] { return index }
        let index = nodes.count
        nodes.append(.always(true))
        compiledPointers[pointer] = index
        switch schema.value {
        case .bool(let b):
            nodes[index] = .always(b)
        case .object(let entries):
            var checks: [SchemaCheck] = []
            for entry in entries {
                if let check = try keyword(entry, in: schema, pointer: pointer) { checks.append(check) }
            }
            nodes[index] = .checks(checks)
        default:
            throw fail(pointer, "a schema must be an object or a boolean")
        }
        return index
    }

    private mutating func sub(_ node: Node, _ pointer: String) throws(SchemaCompileError) -> Int {
        try compile(node, pointer: pointer)
    }

    private mutating func subList(_ node: Node, _ pointer: String) throws(SchemaCompileError) -> [Int] {
        guard let items = node.arrayValue, !items.isEmpty else { throw fail(pointer, "expected a non-empty array of schemas") }
        var result: [Int] = []
        for (i, item) in items.enumerated() { result.append(try sub(item, "\(pointer)/\(i)")) }
        return result
    }

    private func count(_ node: Node, _ pointer: String) throws(SchemaCompileError) -> Int {
        guard let d = node.doubleValue, d >= 0, d.rounded() == d, d < 1e15 else {
            throw fail(pointer, "expected a non-negative integer")
        }
        return Int(d)
    }

    private func number(_ node: Node, _ pointer: String) throws(SchemaCompileError) -> Double {
        guard let d = node.doubleValue else { throw fail(pointer, "expected a number") }
        return d
    }

    private func stringArray(_ node: Node, _ pointer: String) throws(SchemaCompileError) -> [String] {
        guard let items = node.arrayValue else { throw fail(pointer, "expected an array of strings") }
        var result: [String] = []
        for item in items {
            guard let s = item.stringValue else { throw fail(pointer, "expected an array of strings") }
            result.append(s)
        }
        return result
    }

    private func regex(_ source: String, _ pointer: String) throws(SchemaCompileError) -> LinearRegex {
        do { return try LinearRegex(source) } catch {
            throw fail(pointer, "pattern `\(source)` cannot be used: \((error as? LinearRegex.CompileError)?.message ?? "invalid")")
        }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private mutating func keyword(_ entry: Node.Entry, in schema: Node, pointer base: String) throws(SchemaCompileError) -> SchemaCheck? {
        let value = entry.value
        let pointer = "\(base)/\(JSONPointer.escape(entry.key))"
        switch entry.key {
        case "type":
            let names: [String]
            if let single = value.stringValue { names = [single] } else { names = try stringArray(value, pointer) }
            let known: Set<String> = ["null", "boolean", "object", "array", "number", "integer", "string"]
            for name in names where !known.contains(name) { throw fail(pointer, "unknown type `\(name)`") }
            return .type(names, SchemaTypes(names: names))
        case "enum":
            guard let items = value.arrayValue else { throw fail(pointer, "expected an array") }
            return .enumeration(items.map(\.value))
        case "const": return .constant(value.value)
        case "required": return .required(try stringArray(value, pointer))
        case "properties":
            guard let entries = value.objectEntries else { throw fail(pointer, "expected an object") }
            var list: [(name: String, value: Int)] = []
            for e in entries { list.append((e.key, try sub(e.value, "\(pointer)/\(JSONPointer.escape(e.key))"))) }
            return .properties(NameTable(list))
        case "patternProperties":
            guard let entries = value.objectEntries else { throw fail(pointer, "expected an object") }
            var list: [(LinearRegex, Int)] = []
            for e in entries {
                list.append((try regex(e.key, pointer), try sub(e.value, "\(pointer)/\(JSONPointer.escape(e.key))")))
            }
            return .patternProperties(list)
        case "additionalProperties":
            let declared = NameTable(schema["properties"]?.objectEntries?.map(\.key) ?? [])
            var patterns: [LinearRegex] = []
            for e in schema["patternProperties"]?.objectEntries ?? [] { patterns.append(try regex(e.key, pointer)) }
            return .additionalProperties(try sub(value, pointer), declared: declared, patterns: patterns)
        case "propertyNames": return .propertyNames(try sub(value, pointer))
        case "prefixItems": return .prefixItems(try subList(value, pointer))
        case "items":
            return .items(try sub(value, pointer), after: schema["prefixItems"]?.arrayValue?.count ?? 0)
        case "contains":
            let minimum = try schema["minContains"].map { (n: Node) throws(SchemaCompileError) in try count(n, base + "/minContains") } ?? 1
            let maximum = try schema["maxContains"].map { (n: Node) throws(SchemaCompileError) in try count(n, base + "/maxContains") }
            return .contains(try sub(value, pointer), min: minimum, max: maximum)
        case "minItems": return .minItems(try count(value, pointer))
        case "maxItems": return .maxItems(try count(value, pointer))
        case "uniqueItems": return value.boolValue == true ? .uniqueItems : nil
        case "minLength": return .minLength(try count(value, pointer))
        case "maxLength": return .maxLength(try count(value, pointer))
        case "pattern":
            guard let source = value.stringValue else { throw fail(pointer, "expected a string") }
            return .pattern(try regex(source, pointer), source: source)
        case "minimum": return .minimum(try number(value, pointer))
        case "maximum": return .maximum(try number(value, pointer))
        case "exclusiveMinimum": return .exclusiveMinimum(try number(value, pointer))
        case "exclusiveMaximum": return .exclusiveMaximum(try number(value, pointer))
        case "multipleOf":
            let m = try number(value, pointer)
            guard m > 0 else { throw fail(pointer, "multipleOf must be greater than 0") }
            return .multipleOf(m)
        case "minProperties": return .minProperties(try count(value, pointer))
        case "maxProperties": return .maxProperties(try count(value, pointer))
        case "dependentRequired":
            guard let entries = value.objectEntries else { throw fail(pointer, "expected an object") }
            var map: [String: [String]] = [:]
            for e in entries { map[e.key] = try stringArray(e.value, pointer) }
            return .dependentRequired(map)
        case "allOf": return .allOf(try subList(value, pointer))
        case "anyOf": return .anyOf(try subList(value, pointer))
        case "oneOf": return .oneOf(try subList(value, pointer))
        case "not": return .not(try sub(value, pointer))
        case "if":
            let thenIndex = try schema["then"].map { (n: Node) throws(SchemaCompileError) in try sub(n, base + "/then") }
            let elseIndex = try schema["else"].map { (n: Node) throws(SchemaCompileError) in try sub(n, base + "/else") }
            return .conditional(condition: try sub(value, pointer), then: thenIndex, otherwise: elseIndex)
        case "$ref":
            guard let reference = value.stringValue else { throw fail(pointer, "expected a string") }
            return .reference(try resolve(reference, pointer))
        case "format":
            guard let name = value.stringValue else { throw fail(pointer, "expected a string") }
            guard options.formatAssertion else { return nil }
            guard FormatChecker.supported.contains(name) else {
                throw fail(pointer, "unsupported format `\(name)` (supported: \(FormatChecker.supported.sorted().joined(separator: ", ")))")
            }
            return .format(name)
        case "$defs":
            guard let entries = value.objectEntries else { throw fail(pointer, "expected an object") }
            // Definitions are compiled so that errors in them surface even when unused.
            for e in entries { _ = try sub(e.value, "\(pointer)/\(JSONPointer.escape(e.key))") }
            return nil
        default:
            if Self.annotationKeywords.contains(entry.key) || entry.key.hasPrefix("x-") { return nil }
            throw fail(pointer, "unsupported schema keyword `\(entry.key)`")
        }
    }

    /// Resolves `#` and `#/json/pointer` within this schema document.
    private mutating func resolve(_ reference: String, _ pointer: String) throws(SchemaCompileError) -> Int {
        guard reference.hasPrefix("#"), let fragment = JSONPointer.percentDecode(String(reference.dropFirst())) else {
            throw fail(pointer, "unsupported `$ref` `\(reference)` (only references within the schema, `#…`, are supported)")
        }
        if fragment.isEmpty { return try compile(root, pointer: "") }
        guard fragment.hasPrefix("/") else { throw fail(pointer, "unsupported `$ref` `\(reference)`") }
        var target = root
        var canonical = ""
        for raw in fragment.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = JSONPointer.unescape(String(raw))
            canonical += "/" + JSONPointer.escape(token)
            if let next = target[token] {
                target = next
            } else if let items = target.arrayValue, let i = Int(token), items.indices.contains(i) {
                target = items[i]
            } else {
                throw fail(pointer, "`$ref` `\(reference)` points at nothing")
            }
        }
        return try compile(target, pointer: canonical)
    }
}
