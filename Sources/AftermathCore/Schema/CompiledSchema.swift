/// A JSON Schema (draft 2020-12 subset) compiled once into a flat table of checks, then
/// applied to many documents. `$ref` targets are compiled once and referenced by index, so
/// recursive schemas are fine and no work is repeated per document.
public final class CompiledSchema: Sendable {
    let nodes: [SchemaNode]
    /// What it was compiled from, to compile it again (`copy`).
    private let source: (schema: Node, options: SchemaOptions)?

    init(nodes: [SchemaNode], source: (schema: Node, options: SchemaOptions)? = nil) {
        self.nodes = nodes
        self.source = source
    }

    public static func compile(_ schema: Node, options: SchemaOptions = SchemaOptions()) throws(SchemaCompileError) -> CompiledSchema {
        var compiler = SchemaCompiler(root: schema, options: options)
        _ = try compiler.compile(schema, pointer: "")
        if let runaway = SchemaExpansion.firstNode(in: compiler.nodes) {
            let pointer = compiler.compiledPointers.filter { $0.value == runaway }.keys.min() ?? ""
            throw SchemaCompileError(pointer: SchemaExpansion.definition(containing: pointer),
                                     message: "its subschemas and `$ref`s form more than \(SchemaExpansion.maxPaths) paths (definitions that refer to "
                                         + "the next several times multiply them), too many to check a document in bounded time; refer to shared definitions fewer times")
        }
        return CompiledSchema(nodes: compiler.nodes, source: (schema, options))
    }

    /// The same schema compiled again, sharing no storage with this one. Threads applying one
    /// compiled schema to many documents contend on the reference counts of its checks (every
    /// check read retains its payload): each thread does better with a copy of its own.
    public func copy() -> CompiledSchema {
        guard let source, let copy = try? CompiledSchema.compile(source.schema, options: source.options) else { return self }
        return copy
    }

    /// Every violation in `instance`, each at the position of the failing value's field.
    /// Throws when judging it takes more than `maxChecks` checks (a schema node applied to a
    /// value, or a pair of list items compared): the schema, not the value, is then at fault.
    public func validate(_ instance: Node, maxChecks: Int = ParseLimits.standard.maxSchemaChecks) throws(SchemaWorkExceeded) -> [SchemaViolation] {
        // Most documents are valid: the boolean pass builds no pointers or messages.
        if try isValid(instance, maxChecks: maxChecks) { return [] }
        var evaluation = SchemaEvaluation(schema: self, collecting: true, maxChecks: maxChecks)
        _ = evaluation.check(0, instance, pointer: "", at: instance.location, depth: 0)
        if evaluation.exhausted { throw SchemaWorkExceeded(maxChecks: maxChecks) }
        return evaluation.violations
    }

    public func isValid(_ instance: Node, maxChecks: Int = ParseLimits.standard.maxSchemaChecks) throws(SchemaWorkExceeded) -> Bool {
        var evaluation = SchemaEvaluation(schema: self, collecting: false, maxChecks: maxChecks)
        let valid = evaluation.check(0, instance, pointer: "", at: instance.location, depth: 0)
        if evaluation.exhausted { throw SchemaWorkExceeded(maxChecks: maxChecks) }
        return valid
    }
}

/// JSON types as bits: a `type` check is then one test rather than string comparisons.
struct SchemaTypes: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = SchemaTypes(rawValue: 1), boolean = SchemaTypes(rawValue: 2), object = SchemaTypes(rawValue: 4)
    static let array = SchemaTypes(rawValue: 8), number = SchemaTypes(rawValue: 16), integer = SchemaTypes(rawValue: 32)
    static let string = SchemaTypes(rawValue: 64)

    /// The types named (`number` takes integers too, as JSON Schema says).
    init(names: [String]) {
        var types: SchemaTypes = []
        for name in names {
            switch name {
            case "null": types.insert(.null)
            case "boolean": types.insert(.boolean)
            case "object": types.insert(.object)
            case "array": types.insert(.array)
            case "number": types.formUnion([.number, .integer])
            case "integer": types.insert(.integer)
            case "string": types.insert(.string)
            default: break
            }
        }
        self = types
    }

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The type of a value, as `Node.jsonTypeName` names it.
    init(of value: Node.Value) {
        switch value {
        case .null: self = .null
        case .bool: self = .boolean
        case .integer: self = .integer
        case .number(let d): self = d.rounded() == d && d.isFinite ? .integer : .number
        case .string: self = .string
        case .array: self = .array
        case .object: self = .object
        }
    }
}

enum SchemaNode: Sendable {
    case always(Bool)
    case checks([SchemaCheck])
}

indirect enum SchemaCheck: Sendable {
    /// The names, for messages, and the same as `SchemaTypes` bits.
    case type([String], SchemaTypes)
    case enumeration([Node.Value])
    case constant(Node.Value)
    case required([String])
    /// Name → subschema.
    case properties(NameTable)
    case patternProperties([(LinearRegex, Int)])
    case additionalProperties(Int, declared: NameTable, patterns: [LinearRegex])
    case propertyNames(Int)
    case prefixItems([Int])
    case items(Int, after: Int)
    case contains(Int, min: Int, max: Int?)
    case minItems(Int), maxItems(Int), uniqueItems
    case minLength(Int), maxLength(Int)
    case pattern(LinearRegex, source: String)
    case minimum(Double), maximum(Double), exclusiveMinimum(Double), exclusiveMaximum(Double)
    case multipleOf(Double)
    case minProperties(Int), maxProperties(Int)
    case dependentRequired([String: [String]])
    case allOf([Int]), anyOf([Int]), oneOf([Int]), not(Int)
    case conditional(condition: Int, then: Int?, otherwise: Int?)
    case reference(Int)
    case format(String)
}
