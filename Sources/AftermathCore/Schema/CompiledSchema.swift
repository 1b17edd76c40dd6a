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
    public func validate(_ instance: Node) -> [SchemaViolation] {
        // Most documents are valid: the boolean pass builds no pointers or messages.
        if isValid(instance) { return [] }
        let evaluation = SchemaEvaluation(schema: self, collecting: true)
        _ = evaluation.check(0, instance, pointer: "", at: instance.location, depth: 0)
        return evaluation.violations
    }

    public func isValid(_ instance: Node) -> Bool {
        let evaluation = SchemaEvaluation(schema: self, collecting: false)
        return evaluation.check(0, instance, pointer: "", at: instance.location, depth: 0)
    }
}

enum SchemaNode: Sendable {
    case always(Bool)
    case checks([SchemaCheck])
}

enum SchemaCheck: Sendable {
    case type([String])
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
