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
