/// Types a plain YAML scalar the way YAML 1.2's core schema does: `yes`, `no`, `on` and `off`
/// stay strings, and timestamps stay strings (the JSON Schema `format` checks them).
enum CoreSchemaScalar {
    enum Resolved: Equatable {
        case value(Node.Value)
        /// `.nan`, `.inf` and friends: legal YAML, but never a meaningful document value.
        case nonFinite
    }

    static func resolve(_ text: String) -> Resolved {
        if let special = special(text) { return special }
        guard let first = text.utf8.first, isNumberStart(first) else { return .value(.string(text)) }
        if let integer = integer(text) { return .value(integer) }
        if isFloat(text), let double = Double(text), double.isFinite { return .value(.number(double)) }
        return .value(.string(text))
    }

    /// Null, booleans and non-finite numbers.
    private static func special(_ text: String) -> Resolved? {
        // Longer than any of these words, or starting otherwise: no need to compare with each.
        if let first = text.utf8.first, text.utf8.count > 6 || !mayBeSpecial(first) { return nil }
        switch text {
        case "", "~", "null", "Null", "NULL": return .value(.null)
        case "true", "True", "TRUE": return .value(.bool(true))
        case "false", "False", "FALSE": return .value(.bool(false))
        case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
            return .nonFinite
        default: return nil
        }
    }

    private static func mayBeSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"),
             UInt8(ascii: "F"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"): return true
        default: return false
        }
    }

    private static func isNumberStart(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
    }

    /// The integer forms, read in place (a date such as `2026-01-01` is tried as a number
    /// first, so this runs for most timestamps of most documents).
    private static func integer(_ text: String) -> Node.Value? {
        var text = text
        let isInteger = text.withUTF8 { utf8 -> Bool in
            var body = utf8[...]
            if let sign = body.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { body = body.dropFirst() }
            return !body.isEmpty && body.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        guard isInteger else { return radixInteger(text) }
        if let v = Int(text) { return .integer(v) }
        // Beyond Int64: still an integer in YAML's eyes, kept as the nearest double.
        return Double(text).map { .number($0) }
    }

    /// `0o` octal and `0x` hexadecimal integers.
    private static func radixInteger(_ text: String) -> Node.Value? {
        let utf8 = text.utf8
        guard utf8.count > 2, utf8.first == UInt8(ascii: "0") else { return nil }
        let marker = utf8[utf8.index(after: utf8.startIndex)]
        let digits = String(decoding: Array(utf8.dropFirst(2)), as: UTF8.self)
        if marker == UInt8(ascii: "o"), let v = Int(digits, radix: 8) { return .integer(v) }
        if marker == UInt8(ascii: "x"), let v = Int(digits, radix: 16) { return .integer(v) }
        return nil
    }

    /// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
    private static func isFloat(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            var it = utf8[...]
            func digits() -> Int {
                var n = 0
                while let c = it.first, c >= 0x30 && c <= 0x39 { it = it.dropFirst(); n += 1 }
                return n
            }
            if let c = it.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") { it = it.dropFirst() }
            let intDigits = digits()
            var fracDigits = 0
            if it.first == UInt8(ascii: ".") { it = it.dropFirst(); fracDigits = digits() }
            guard intDigits > 0 || fracDigits > 0 else { return false }
            if let e = it.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
                it = it.dropFirst()
                if let c = it.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") { it = it.dropFirst() }
                guard digits() > 0 else { return false }
            }
            return it.isEmpty
        }
    }
}
