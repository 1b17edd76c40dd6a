import AftermathCore

/// What a kind's JSON Schema says about its fields, for completion and hover: names, allowed
/// values, formats and descriptions (the schema's own, else one made of its constraints).
struct SchemaFields {
    let schema: Node

    /// The schema of field `name`, `$ref`s within the schema followed; `parent` names a
    /// mapping field the field is nested in (`incident`).
    func property(_ name: String, in parent: String? = nil) -> Node? {
        var properties = schema["properties"]
        if let parent { properties = resolve(properties?[parent])?["properties"] }
        return resolve(properties?[name])
    }

    func names(in parent: String? = nil) -> [String] {
        var properties = schema["properties"]
        if let parent { properties = resolve(properties?[parent])?["properties"] }
        return properties?.objectEntries?.map(\.key) ?? []
    }

    var required: [String] { schema["required"]?.stringList ?? [] }

    func resolve(_ node: Node?) -> Node? {
        guard let node, let ref = node["$ref"]?.stringValue, ref.hasPrefix("#/") else { return node }
        var target: Node? = schema
        for part in ref.dropFirst(2).split(separator: "/") { target = target?[String(part)] }
        return target.map { resolve($0) ?? $0 }
    }

    /// The values a field (or each item of a list field) may take.
    func allowedValues(_ property: Node) -> [String] {
        let items = resolve(property["items"])
        for candidate in [property, items].compactMap({ $0 }) {
            if let values = candidate["enum"]?.arrayValue { return values.compactMap(\.stringValue) }
            if let value = candidate["const"]?.stringValue { return [value] }
        }
        return []
    }

    func format(_ property: Node) -> String? {
        property["format"]?.stringValue ?? resolve(property["items"])?["format"]?.stringValue
    }

    /// The field's description: the schema's, else its type and constraints in words.
    func description(_ name: String, _ property: Node, parent: String? = nil) -> String {
        if let own = property["description"]?.stringValue { return own }
        var parts: [String] = []
        let values = allowedValues(property)
        if !values.isEmpty { parts.append("one of " + values.map { "`\($0)`" }.joined(separator: ", ")) }
        if let type = property["type"]?.stringValue {
            let items = resolve(property["items"])?["type"]?.stringValue
            parts.append(type == "array" ? "a list\(items.map { " of \($0)s" } ?? "")" : "a \(type)")
        }
        if let format = format(property) { parts.append("format \(format)") }
        if let pattern = property["pattern"]?.stringValue ?? resolve(property["items"])?["pattern"]?.stringValue {
            parts.append("matching `\(pattern)`")
        }
        if parent == nil && required.contains(name) { parts.append("required") }
        return "`\(name)`: " + (parts.isEmpty ? "see the schema" : parts.joined(separator: "; "))
    }
}
