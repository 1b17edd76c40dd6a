/// A JSON-compatible value read from front matter or a schema, with where it was written.
/// Object entries keep their source order and the position of their key, so a diagnostic
/// about a field points at the field's own line.
public struct Node: Sendable, Equatable {
    /// Not `indirect`: arrays already store their elements out of line, and boxing every
    /// scalar would cost an allocation per value, the largest single cost of a run.
    public enum Value: Sendable, Equatable {
        case null
        case bool(Bool)
        case integer(Int)
        case number(Double)
        case string(String)
        case array([Node])
        case object([Entry])
    }

    public struct Entry: Sendable, Equatable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: Node

        public init(key: String, keyLocation: SourceLocation, value: Node) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation = .fileStart) {
        self.value = value
        self.location = location
    }

    /// Values compare by content only; positions are not part of a value's meaning.
    public static func == (lhs: Node, rhs: Node) -> Bool { lhs.value.jsonEquals(rhs.value) }
}

extension Node {
    /// The value of the first entry `key` (its entry is not copied out: only the value).
    public subscript(key: String) -> Node? {
        guard case .object(let entries) = value, let i = Self.position(of: key, in: entries) else { return nil }
        return entries[i].value
    }

    public func entry(_ key: String) -> Entry? {
        guard case .object(let entries) = value, let i = Self.position(of: key, in: entries) else { return nil }
        return entries[i]
    }

    /// Where the first entry `key` is, found without copying entries out.
    private static func position(of key: String, in entries: [Entry]) -> Int? {
        for i in entries.indices where sameName(entries[i].key, key) { return i }
        return nil
    }

    /// Whether two field names are the same, lengths compared first: most names of an object
    /// differ in length, and comparing lengths is a load where `==` is a call.
    @inline(__always)
    static func sameName(_ a: String, _ b: String) -> Bool { a.utf8.count == b.utf8.count && a == b }

    public var stringValue: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = value { return b }
        return nil
    }

    public var arrayValue: [Node]? {
        if case .array(let a) = value { return a }
        return nil
    }

    public var objectEntries: [Entry]? {
        if case .object(let e) = value { return e }
        return nil
    }

    /// Strings of a list field, or a single string as a one-element list.
    public var stringList: [String] {
        var strings: [String] = []
        forEachListed { strings.append($0) }
        return strings
    }

    /// `stringList` one by one, without gathering them.
    func forEachListed(_ body: (String) -> Void) {
        switch value {
        case .string(let s): body(s)
        case .array(let items): for item in items { if let s = item.stringValue { body(s) } }
        default: break
        }
    }

    /// Where to point for a problem with `key`: its key when present, else this node.
    public func location(of key: String) -> SourceLocation {
        entry(key)?.keyLocation ?? location
    }

    /// The numeric value of an integer or a number.
    public var doubleValue: Double? {
        switch value {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        default: return nil
        }
    }

    /// The JSON type name used by JSON Schema's `type` keyword.
    public var jsonTypeName: String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .number(let d): return d.rounded() == d && d.isFinite ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension Node.Value {
    /// JSON equality: 1 and 1.0 are equal, object key order does not matter.
    public func jsonEquals(_ other: Node.Value) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.string(a), .string(b)):
            // JSON compares code points; Swift's == would equate canonically equivalent strings.
            // Equal code points are equal UTF-8 bytes, so first equal byte counts, which most
            // unequal values (an enum's other members) differ in.
            return a.utf8.count == b.utf8.count && a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case let (.integer(a), .integer(b)): return a == b
        case let (.integer(a), .number(b)), let (.number(b), .integer(a)): return Double(a) == b
        case let (.number(a), .number(b)): return a == b
        case let (.array(a), .array(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.value.jsonEquals($1.value) }
        case let (.object(a), .object(b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { entry in
                b.contains { $0.key == entry.key && $0.value.value.jsonEquals(entry.value.value) }
            }
        default: return false
        }
    }
}
