/// Bounds that keep a hostile file from costing unbounded time or memory.
/// Every limit that trips becomes a diagnostic, never a crash.
public struct ParseLimits: Sendable, Equatable {
    public var maxFileBytes: Int
    public var maxFrontMatterBytes: Int
    public var maxDepth: Int
    public var maxScalarBytes: Int
    /// Checks a schema may make judging one document (`CompiledSchema.validate`). Ordinary
    /// schemas make a few per field, so the front matter's size bounds them far below this;
    /// it stops schemas whose work grows with their own shape rather than the document's.
    public var maxSchemaChecks: Int

    public init(maxFileBytes: Int = 1 << 20, maxFrontMatterBytes: Int = 256 << 10,
                maxDepth: Int = 32, maxScalarBytes: Int = 64 << 10, maxSchemaChecks: Int = 1_000_000) {
        self.maxFileBytes = maxFileBytes
        self.maxFrontMatterBytes = maxFrontMatterBytes
        self.maxDepth = maxDepth
        self.maxScalarBytes = maxScalarBytes
        self.maxSchemaChecks = maxSchemaChecks
    }

    public static let standard = ParseLimits()
}

/// A problem found while reading a file, before any rule runs.
public struct ParseProblem: Sendable, Equatable, Error {
    public var location: SourceLocation
    public var ruleID: String
    public var message: String

    public init(_ ruleID: String, at location: SourceLocation, _ message: String) {
        self.ruleID = ruleID
        self.location = location
        self.message = message
    }
}
