/// A value that does not satisfy its schema, with where the value was written.
public struct SchemaViolation: Sendable, Equatable {
    /// JSON pointer of the failing value (`/incident/declared_at`).
    public var pointer: String
    public var location: SourceLocation
    public var keyword: String
    public var message: String
}

/// A schema that cannot be used: an unsupported keyword, a malformed keyword value, a bad `$ref`.
/// Reported as a configuration error (exit 2), never ignored.
public struct SchemaCompileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var pointer: String
    public var message: String

    public var description: String { "\(pointer.isEmpty ? "#" : "#" + pointer): \(message)" }
}

/// A document whose judgement by a schema took more checks than allowed: evaluation stopped,
/// so the document is neither valid nor invalid by that schema.
public struct SchemaWorkExceeded: Error, Sendable, Equatable {
    public var maxChecks: Int

    /// The diagnostic for the document: it names the schema, which is what must change.
    static func problem(_ error: SchemaWorkExceeded, schema: String, at location: SourceLocation) -> ParseProblem {
        ParseProblem(RuleID.limitExceeded, at: location,
                     "\(schema) needs more than \(error.maxChecks) checks to judge this document (`limits.max_schema_checks` in .aftermath.yml); "
                         + "checking stopped: simplify the schema's `$ref`s and `allOf`/`anyOf`/`oneOf`")
    }
}

public struct SchemaOptions: Sendable {
    /// When false, `format` is an annotation only (JSON Schema's default); Aftermath asserts it.
    public var formatAssertion: Bool

    public init(formatAssertion: Bool = true) { self.formatAssertion = formatAssertion }
}

enum JSONPointer {
    static func escape(_ token: String) -> String {
        token.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    static func unescape(_ token: String) -> String {
        token.replacing("~1", with: "/").replacing("~0", with: "~")
    }

    static func percentDecode(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var it = Array(text.utf8)[...]
        while let c = it.first {
            it = it.dropFirst()
            if c == UInt8(ascii: "%") {
                guard it.count >= 2, let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(v)
                it = it.dropFirst(2)
            } else {
                bytes.append(c)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
