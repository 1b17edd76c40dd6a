/// How many ways a compiled schema can reach each of its nodes: the number of paths from a
/// node through its subschemas and `$ref`s, which is how often a document can make the
/// validator apply a node. Definitions that each refer twice to the next double it with every
/// link although nothing recurses; such a schema is refused when it is loaded
/// (`CompiledSchema.compile`) rather than found out by the work budget on every document.
struct SchemaExpansion {
    /// Far above a hand-written schema's count (the built-in ones stay in the hundreds), and
    /// low enough that checking a document stays quick however the schema is shaped.
    static let maxPaths = 100_000

    /// The first node, children before parents, whose paths number more than `limit`; nil
    /// when there is none. A `$ref` back to a node still being counted (recursion, which the
    /// document's own depth bounds) counts as one path: only sharing is multiplied out.
    static func firstNode(in nodes: [SchemaNode], over limit: Int = maxPaths) -> Int? {
        var paths = [Int?](repeating: nil, count: nodes.count)
        var onStack = [Bool](repeating: false, count: nodes.count)
        // An explicit stack: a chain of thousands of definitions must not exhaust the thread's.
        var stack: [(node: Int, children: [Int], next: Int, total: Int)] = []
        for start in nodes.indices where paths[start] == nil {
            stack.append((start, children(of: nodes[start]), 0, 1))
            onStack[start] = true
            while let top = stack.last {
                if top.next < top.children.count {
                    let child = top.children[top.next]
                    stack[stack.count - 1].next += 1
                    if let known = paths[child] {
                        stack[stack.count - 1].total = min(top.total + known, limit + 1)
                    } else if onStack[child] {
                        stack[stack.count - 1].total = min(top.total + 1, limit + 1)
                    } else {
                        stack.append((child, children(of: nodes[child]), 0, 1))
                        onStack[child] = true
                    }
                    continue
                }
                stack.removeLast()
                onStack[top.node] = false
                paths[top.node] = top.total
                if top.total > limit { return top.node }
                if !stack.isEmpty { stack[stack.count - 1].total = min(stack[stack.count - 1].total + top.total, limit + 1) }
            }
        }
        return nil
    }

    /// The nodes a node's checks apply, once for each time it names them.
    static func children(of node: SchemaNode) -> [Int] {
        guard case .checks(let checks) = node else { return [] }
        var result: [Int] = []
        for check in checks {
            switch check {
            case .properties(let table): result += table.pairs.map(\.value)
            case .patternProperties(let list): result += list.map(\.1)
            case .additionalProperties(let sub, _, _), .propertyNames(let sub), .items(let sub, _), .contains(let sub, _, _),
                 .not(let sub), .reference(let sub):
                result.append(sub)
            case .prefixItems(let subs), .allOf(let subs), .anyOf(let subs), .oneOf(let subs): result += subs
            case .conditional(let condition, let then, let otherwise): result += [condition, then, otherwise].compactMap { $0 }
            case .type, .enumeration, .constant, .required, .minItems, .maxItems, .uniqueItems, .minLength, .maxLength, .pattern,
                 .minimum, .maximum, .exclusiveMinimum, .exclusiveMaximum, .multipleOf, .minProperties, .maxProperties,
                 .dependentRequired, .format:
                break
            }
        }
        return result
    }

    /// The definition (`/$defs/name`) a node is written in, to name what must change; the
    /// node's own pointer when it is not in one.
    static func definition(containing pointer: String) -> String {
        let tokens = pointer.split(separator: "/", omittingEmptySubsequences: false)
        guard tokens.count > 3, tokens[1] == "$defs" else { return pointer }
        return tokens.prefix(3).joined(separator: "/")
    }
}
