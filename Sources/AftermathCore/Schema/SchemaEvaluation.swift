/// One pass of a compiled schema over an instance. In collecting mode it records every
/// violation; in boolean mode (inside `anyOf`, `not`, `if`, …) it stops at the first.
/// A value, not an object: one is made for every document checked.
struct SchemaEvaluation {
    /// `$ref` chains that never reach an instance value (`a → b → a`) stop here.
    /// Instances nest at most 32 levels (ParseLimits); this leaves room for `$ref` hops while
    /// keeping the recursion far from the stack limit (even under AddressSanitizer).
    static let maxDepth = 64

    let schema: CompiledSchema
    private(set) var collecting: Bool
    var violations: [SchemaViolation] = []
    /// Checks this evaluation may still make. Depth alone does not bound the work: `$defs`
    /// that each refer twice to the next double it with every link and never nest deeper
    /// than the chain is long.
    private var checksLeft: Int
    /// The budget ran out: every check since has failed at once, so the answer means nothing.
    private(set) var exhausted = false

    init(schema: CompiledSchema, collecting: Bool, maxChecks: Int) {
        self.schema = schema
        self.collecting = collecting
        self.checksLeft = maxChecks
    }

    /// Takes `count` checks from the budget; false (and `exhausted`) once it is spent.
    private mutating func spend(_ count: Int) -> Bool {
        guard !exhausted, checksLeft >= count else {
            exhausted = true
            return false
        }
        checksLeft -= count
        return true
    }

    private mutating func report(_ pointer: String, _ location: SourceLocation, _ keyword: String, _ message: @autoclosure () -> String) {
        if collecting {
            violations.append(SchemaViolation(pointer: pointer, location: location, keyword: keyword, message: message()))
        }
    }

    /// Same schema in boolean mode, for applicators whose branches are allowed to fail: this
    /// evaluation with collecting off for the while (a boolean pass records nothing).
    private mutating func passes(_ index: Int, _ instance: Node, depth: Int) -> Bool {
        let wasCollecting = collecting
        collecting = false
        defer { collecting = wasCollecting }
        return check(index, instance, pointer: "", at: instance.location, depth: depth)
    }

    /// A child's pointer; the token is worked out only when pointers are (an item's index
    /// made a string for every item of every list otherwise).
    private func child(_ pointer: String, _ token: @autoclosure () -> String) -> String {
        collecting ? pointer + "/" + JSONPointer.escape(token()) : ""
    }

    mutating func check(_ index: Int, _ instance: Node, pointer: String, at location: SourceLocation, depth: Int) -> Bool {
        guard spend(1) else { return false }
        guard depth < Self.maxDepth else {
            report(pointer, location, "$ref", "schema recursion too deep (a `$ref` cycle?)")
            return false
        }
        switch schema.nodes[index] {
        case .always(true): return true
        case .always(false):
            report(pointer, location, "false", "\(FieldName.describe(pointer)) is not allowed")
            return false
        case .checks(let checks):
            var valid = true
            for check in checks {
                if !apply(rule: check, instance, pointer: pointer, at: location, depth: depth) {
                    valid = false
                    if !collecting { return false }
                }
            }
            return valid
        }
    }

    /// The index reported for `uniqueItems`: the second occurrence of the earliest item that
    /// occurs again. Short lists compare pairs, each pair a check taken from the budget; long
    /// lists of strings (a document's `bugs` or `tags`) are answered in one pass.
    private mutating func firstRepeat(in items: [Node]) -> Int? {
        if items.count > 16, items.allSatisfy({ if case .string = $0.value { true } else { false } }) {
            return Self.firstStringRepeat(in: items)
        }
        for i in items.indices {
            guard spend(items.count - i) else { return nil }
            for j in items.indices where j > i && items[i].value.jsonEquals(items[j].value) { return j }
        }
        return nil
    }

    /// `firstRepeat` for a list of strings, by their bytes: JSON compares strings by code
    /// points, and equal code points are equal UTF-8 bytes.
    private static func firstStringRepeat(in items: [Node]) -> Int? {
        var firstIndex: [[UInt8]: Int] = [:]
        var earliest: (first: Int, repeat: Int)?
        for (j, item) in items.enumerated() {
            guard case .string(let s) = item.value else { continue }
            let key = Array(s.utf8)
            if let first = firstIndex[key] {
                if first < (earliest?.first ?? .max) { earliest = (first, j) }
            } else {
                firstIndex[key] = j
            }
        }
        return earliest?.repeat
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private mutating func apply(rule: SchemaCheck, _ instance: Node, pointer: String, at location: SourceLocation, depth: Int) -> Bool {
        let field = { FieldName.describe(pointer) }
        switch rule {
        case .type(let names, let types):
            let ok = types.contains(SchemaTypes(of: instance.value))
            if !ok {
                let actual = instance.jsonTypeName
                report(pointer, location, "type", "\(field()) must be \(names.map(FieldName.article).joined(separator: " or ")), not \(FieldName.article(actual))")
            }
            return ok
        case .enumeration(let allowed):
            let ok = allowed.contains { $0.jsonEquals(instance.value) }
            if !ok {
                var hint = ""
                if case .string(let found) = instance.value {
                    let options = allowed.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
                    hint = Suggestion.hint(Suggestion.closest(to: found, among: options))
                }
                report(pointer, location, "enum", "\(field()) must be one of \(allowed.map(FieldName.render).joined(separator: ", ")); found \(FieldName.render(instance.value))\(hint)")
            }
            return ok
        case .constant(let expected):
            let ok = expected.jsonEquals(instance.value)
            if !ok { report(pointer, location, "const", "\(field()) must be \(FieldName.render(expected))") }
            return ok
        case .required(let names):
            guard case .object(let entries) = instance.value else { return true }
            var ok = true
            for name in names where !entries.contains(where: { Node.sameName($0.key, name) }) {
                ok = false
                let missing = child(pointer, name)
                report(missing, location, "required", "missing required field \(FieldName.describe(missing))")
                if !collecting { break }
            }
            return ok
        case .properties(let list):
            guard case .object(let entries) = instance.value else { return true }
            // A yes/no question about a field or two (an `if` on `status`, say) looks for those
            // fields rather than looking up every field of the document in the table; found
            // or not, the answer is the same.
            if !collecting, list.count <= 2 {
                for (name, sub) in list.pairs {
                    for e in entries.indices where Node.sameName(entries[e].key, name) {
                        if !check(sub, entries[e].value, pointer: "", at: entries[e].keyLocation, depth: depth + 1) { return false }
                    }
                }
                return true
            }
            var ok = true
            // By position: a loop over the entries copied each (a retain and a release of its value).
            for e in entries.indices {
                guard let sub = list.value(of: entries[e].key) else { continue }
                if !check(sub, entries[e].value, pointer: child(pointer, entries[e].key), at: entries[e].keyLocation, depth: depth + 1) {
                    ok = false
                    if !collecting { return false }
                }
            }
            return ok
        case .patternProperties(let list):
            guard case .object(let entries) = instance.value else { return true }
            var ok = true
            for entry in entries {
                for (regex, sub) in list where regex.matches(entry.key) {
                    if !check(sub, entry.value, pointer: child(pointer, entry.key), at: entry.keyLocation, depth: depth + 1) {
                        ok = false
                        if !collecting { return false }
                    }
                }
            }
            return ok
        case .additionalProperties(let sub, let declared, let patterns):
            guard case .object(let entries) = instance.value else { return true }
            var ok = true
            for e in entries.indices where !declared.contains(entries[e].key) && !patterns.contains(where: { $0.matches(entries[e].key) }) {
                let entry = entries[e]
                if case .always(false) = schema.nodes[sub] {
                    ok = false
                    let unknown = child(pointer, entry.key)
                    let near = Suggestion.closest(to: entry.key, among: declared.pairs.map(\.name))
                    report(unknown, entry.keyLocation, "additionalProperties", "unknown field \(FieldName.describe(unknown))\(Suggestion.hint(near))")
                    if !collecting { return false }
                } else if !check(sub, entry.value, pointer: child(pointer, entry.key), at: entry.keyLocation, depth: depth + 1) {
                    ok = false
                    if !collecting { return false }
                }
            }
            return ok
        case .propertyNames(let sub):
            guard case .object(let entries) = instance.value else { return true }
            for entry in entries where !passes(sub, Node(.string(entry.key), at: entry.keyLocation), depth: depth + 1) {
                report(child(pointer, entry.key), entry.keyLocation, "propertyNames", "field name `\(entry.key)` is not allowed here")
                return false
            }
            return true
        case .prefixItems(let subs):
            guard case .array(let items) = instance.value else { return true }
            var ok = true
            for (i, item) in items.prefix(subs.count).enumerated()
            where !check(subs[i], item, pointer: child(pointer, String(i)), at: item.location, depth: depth + 1) {
                ok = false
                if !collecting { return false }
            }
            return ok
        case .items(let sub, let after):
            guard case .array(let items) = instance.value else { return true }
            var ok = true
            for (i, item) in items.enumerated().dropFirst(after)
            where !check(sub, item, pointer: child(pointer, String(i)), at: item.location, depth: depth + 1) {
                ok = false
                if !collecting { return false }
            }
            return ok
        case .contains(let sub, let minimum, let maximum):
            guard case .array(let items) = instance.value else { return true }
            var matching = 0
            for item in items where passes(sub, item, depth: depth + 1) { matching += 1 }
            if matching < minimum {
                report(pointer, location, "contains", "\(field()) must contain at least \(minimum) matching item\(minimum == 1 ? "" : "s")")
                return false
            }
            if let maximum, matching > maximum {
                report(pointer, location, "maxContains", "\(field()) must contain at most \(maximum) matching items")
                return false
            }
            return true
        case .minItems(let n):
            guard case .array(let items) = instance.value, items.count < n else { return true }
            report(pointer, location, "minItems", "\(field()) must have at least \(n) item\(n == 1 ? "" : "s")")
            return false
        case .maxItems(let n):
            guard case .array(let items) = instance.value, items.count > n else { return true }
            report(pointer, location, "maxItems", "\(field()) must have at most \(n) item\(n == 1 ? "" : "s")")
            return false
        case .uniqueItems:
            guard case .array(let items) = instance.value else { return true }
            guard let j = firstRepeat(in: items) else { return !exhausted }
            report(child(pointer, String(j)), items[j].location, "uniqueItems", "\(field()) lists \(FieldName.render(items[j].value)) twice")
            return false
        case .minLength(let n):
            // A character takes one to four bytes: the byte count settles most cases uncounted.
            guard case .string(let s) = instance.value, s.utf8.count < 4 * n, s.unicodeScalars.count < n else { return true }
            report(pointer, location, "minLength", n == 1 ? "\(field()) must not be empty" : "\(field()) must be at least \(n) characters long")
            return false
        case .maxLength(let n):
            guard case .string(let s) = instance.value, s.utf8.count > n, s.unicodeScalars.count > n else { return true }
            report(pointer, location, "maxLength", "\(field()) must be at most \(n) characters long")
            return false
        case .pattern(let regex, let source):
            guard case .string(let s) = instance.value, !regex.matches(s) else { return true }
            report(pointer, location, "pattern", "\(field()) \(FieldName.render(instance.value)) does not match the pattern `\(source)`")
            return false
        case .minimum(let limit):
            guard let v = instance.doubleValue, v < limit else { return true }
            report(pointer, location, "minimum", "\(field()) must be at least \(FieldName.number(limit))")
            return false
        case .maximum(let limit):
            guard let v = instance.doubleValue, v > limit else { return true }
            report(pointer, location, "maximum", "\(field()) must be at most \(FieldName.number(limit))")
            return false
        case .exclusiveMinimum(let limit):
            guard let v = instance.doubleValue, v <= limit else { return true }
            report(pointer, location, "exclusiveMinimum", "\(field()) must be greater than \(FieldName.number(limit))")
            return false
        case .exclusiveMaximum(let limit):
            guard let v = instance.doubleValue, v >= limit else { return true }
            report(pointer, location, "exclusiveMaximum", "\(field()) must be less than \(FieldName.number(limit))")
            return false
        case .multipleOf(let m):
            guard let v = instance.doubleValue else { return true }
            let ok: Bool
            if case .integer(let i) = instance.value, m.rounded() == m, m < 9e15 {
                ok = i % Int(m) == 0
            } else {
                let q = v / m
                ok = q.isFinite && abs(q - q.rounded()) < 1e-9
            }
            if !ok { report(pointer, location, "multipleOf", "\(field()) must be a multiple of \(FieldName.number(m))") }
            return ok
        case .minProperties(let n):
            guard case .object(let entries) = instance.value, entries.count < n else { return true }
            report(pointer, location, "minProperties", "\(field()) must have at least \(n) fields")
            return false
        case .maxProperties(let n):
            guard case .object(let entries) = instance.value, entries.count > n else { return true }
            report(pointer, location, "maxProperties", "\(field()) must have at most \(n) fields")
            return false
        case .dependentRequired(let map):
            guard case .object(let entries) = instance.value else { return true }
            var ok = true
            for entry in entries {
                for needed in map[entry.key] ?? [] where !entries.contains(where: { $0.key == needed }) {
                    ok = false
                    let (missing, present) = (child(pointer, needed), child(pointer, entry.key))
                    report(missing, location, "dependentRequired", "\(FieldName.describe(missing)) is required when \(FieldName.describe(present)) is set")
                    if !collecting { return false }
                }
            }
            return ok
        case .allOf(let subs):
            var ok = true
            for sub in subs where !check(sub, instance, pointer: pointer, at: location, depth: depth + 1) {
                ok = false
                if !collecting { return false }
            }
            return ok
        case .anyOf(let subs):
            if subs.contains(where: { passes($0, instance, depth: depth + 1) }) { return true }
            report(pointer, location, "anyOf", "\(field()) matches none of the allowed forms")
            return false
        case .oneOf(let subs):
            var count = 0
            for sub in subs where passes(sub, instance, depth: depth + 1) {
                count += 1
                if count == 2 { break }
            }
            if count == 1 { return true }
            report(pointer, location, "oneOf", count == 0 ? "\(field()) matches none of the allowed forms" : "\(field()) matches more than one of the exclusive forms")
            return false
        case .not(let sub):
            if !passes(sub, instance, depth: depth + 1) { return true }
            report(pointer, location, "not", "\(field()) has a form that is not allowed")
            return false
        case .conditional(let condition, let then, let otherwise):
            let branch = passes(condition, instance, depth: depth + 1) ? then : otherwise
            guard let branch else { return true }
            return check(branch, instance, pointer: pointer, at: location, depth: depth + 1)
        case .reference(let target):
            return check(target, instance, pointer: pointer, at: location, depth: depth + 1)
        case .format(let name):
            guard case .string(let s) = instance.value, !FormatChecker.isValid(s, format: name) else { return true }
            report(pointer, location, "format", "\(field()) \(FieldName.render(instance.value)) \(FieldName.formatProblem(s, format: name))")
            return false
        }
    }
}

/// How schema messages name fields and values: `due`, `incident.declared_at`, `bugs[1]`.
enum FieldName {
    static func describe(_ pointer: String) -> String {
        guard !pointer.isEmpty else { return "the front matter" }
        var out = ""
        for token in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let name = JSONPointer.unescape(String(token))
            if let _ = Int(name), !out.isEmpty { out += "[\(name)]" } else { out += out.isEmpty ? name : ".\(name)" }
        }
        return "`\(out)`"
    }

    static func article(_ type: String) -> String {
        switch type {
        case "integer", "object", "array": return "an \(type)"
        case "null": return "null"
        default: return "a \(type)"
        }
    }

    static func number(_ d: Double) -> String {
        d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }

    static func render(_ value: Node.Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return String(b)
        case .integer(let i): return String(i)
        case .number(let d): return number(d)
        case .string(let s): return "`\(s.count > 60 ? String(s.prefix(57)) + "..." : s)`"
        case .array: return "a list"
        case .object: return "a mapping"
        }
    }

    /// Why a value is not of its format: a date written in the right form that is not on the
    /// calendar (`2027-02-30`) is told apart from one in the wrong form.
    static func formatProblem(_ text: String, format: String) -> String {
        if format == "date" || format == "date-time", let day = CalendarDay(shapeOf: text), !day.exists {
            let why = (1...12).contains(day.monthNumber) ? "\(day.month) has \(day.daysInMonth) days" : "there is no month \(day.monthNumber)"
            return "is not a day of the calendar (\(why))"
        }
        return "is not a valid \(format)\(formatHint(format))"
    }

    static func formatHint(_ format: String) -> String {
        switch format {
        case "date": return " (expected YYYY-MM-DD)"
        case "date-time": return " (expected RFC 3339, e.g. 2026-03-01T14:05:00Z)"
        default: return ""
        }
    }
}
