/// The binary encoding of the summary's records (`SummaryFormat`): varints, zig-zag integers,
/// length-prefixed strings, nodes and diagnostics. Derived data, checksummed as a whole by
/// its file, and still read defensively: every read is bounds-checked and answers nil.
package struct ByteWriter {
    package var buffer: [UInt8] = []

    package init() {}

    package mutating func bytes(_ b: [UInt8]) { buffer += b }

    /// Drops spare capacity (a copy of exactly the bytes written).
    package mutating func compact() {
        guard buffer.capacity > buffer.count else { return }
        buffer = buffer.withUnsafeBufferPointer { Array($0) }
    }

    package mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            buffer.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        buffer.append(UInt8(v))
    }

    package mutating func int(_ value: Int) { varint(UInt64(bitPattern: Int64(value)) << 1 ^ UInt64(bitPattern: Int64(value) >> 63)) }

    package mutating func fixed(_ value: UInt64) { for shift in stride(from: 0, to: 64, by: 8) { buffer.append(UInt8((value >> UInt64(shift)) & 0xFF)) } }

    package mutating func string(_ s: String) {
        varint(UInt64(s.utf8.count))
        buffer.append(contentsOf: s.utf8)
    }

    package mutating func optionalString(_ s: String?) {
        if let s { buffer.append(1); string(s) } else { buffer.append(0) }
    }

    package mutating func location(_ l: SourceLocation) { int(l.line); int(l.column) }

    /// A listed-fields node (`ByteWriter.listedFields`): no positions (listings show none), field
    /// names as one byte where `ListedFieldNames` has them.
    package mutating func node(_ n: Node) {
        switch n.value {
        case .null: buffer.append(0)
        case .bool(let b): buffer.append(b ? 2 : 1)
        case .integer(let i): buffer.append(3); int(i)
        case .number(let d): buffer.append(4); fixed(d.bitPattern)
        case .string(let s): buffer.append(5); string(s)
        case .array(let items):
            buffer.append(6)
            varint(UInt64(items.count))
            for item in items { node(item) }
        case .object(let entries):
            buffer.append(7)
            varint(UInt64(entries.count))
            for entry in entries {
                if let code = ListedFieldNames.code(entry.key) {
                    buffer.append(code)
                } else {
                    buffer.append(ListedFieldNames.other)
                    string(entry.key)
                }
                node(entry.value)
            }
        }
    }

    package mutating func diagnostic(_ d: Diagnostic) {
        d.path.withBytes { path in
            varint(UInt64(path.count))
            buffer.append(contentsOf: path)
        }
        location(d.location)
        buffer.append(d.severity == .error ? 1 : 0)
        string(d.ruleID)
        string(d.message)
        optionalString(d.owner)
        optionalString(d.commit)
    }
}

package struct ByteReader {
    private let data: UnsafeRawBufferPointer
    private var index = 0

    package init(_ data: UnsafeRawBufferPointer) { self.data = data }

    package var isAtEnd: Bool { index == data.count }
    /// Bytes read so far.
    package var position: Int { index }

    package mutating func byte() -> UInt8? {
        guard index < data.count else { return nil }
        defer { index += 1 }
        return data[index]
    }

    package mutating func bytes(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count >= 0, data.count - index >= count else { return nil }
        defer { index += count }
        return UnsafeRawBufferPointer(rebasing: data[index..<(index + count)])
    }

    package mutating func varint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while let b = byte() {
            guard shift < 64 else { return nil }
            value |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }

    package mutating func int() -> Int? {
        guard let raw = varint() else { return nil }
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    package mutating func fixed() -> UInt64? {
        guard let b = bytes(8) else { return nil }
        return UInt64(littleEndian: b.loadUnaligned(as: UInt64.self))
    }

    /// Checksummed data was written as valid UTF-8; decoding (not validating) keeps reads cheap.
    package mutating func string() -> String? {
        guard let count = varint(), count <= UInt64(Int.max), let b = bytes(Int(count)) else { return nil }
        return String(decoding: b, as: UTF8.self)
    }

    package mutating func optionalString() -> String?? {
        switch byte() {
        case 0: return .some(nil)
        case 1: return string().map { .some($0) }
        default: return nil
        }
    }

    package mutating func location() -> SourceLocation? {
        guard let line = int(), let column = int() else { return nil }
        return SourceLocation(line: line, column: column)
    }

    /// Nesting is bounded like the reader's, so a damaged cache cannot recurse without end.
    package mutating func node(depth: Int = 0) -> Node? {
        let location = SourceLocation.fileStart
        guard depth < 128, let tag = byte() else { return nil }
        switch tag {
        case 0: return Node(.null, at: location)
        case 1: return Node(.bool(false), at: location)
        case 2: return Node(.bool(true), at: location)
        case 3: return int().map { Node(.integer($0), at: location) }
        case 4: return fixed().map { Node(.number(Double(bitPattern: $0)), at: location) }
        case 5: return string().map { Node(.string($0), at: location) }
        case 6:
            guard let count = varint(), count <= UInt64(data.count) else { return nil }
            var items: [Node] = []
            for _ in 0..<count {
                guard let item = node(depth: depth + 1) else { return nil }
                items.append(item)
            }
            return Node(.array(items), at: location)
        case 7:
            guard let count = varint(), count <= UInt64(data.count) else { return nil }
            var entries: [Node.Entry] = []
            for _ in 0..<count {
                guard let key = fieldName(), let value = node(depth: depth + 1) else { return nil }
                entries.append(Node.Entry(key: key, keyLocation: location, value: value))
            }
            return Node(.object(entries), at: location)
        default: return nil
        }
    }

    /// Moves past one node without building it; false where `node` would answer nil.
    package mutating func skipNode(depth: Int = 0) -> Bool {
        guard depth < 128, let tag = byte() else { return false }
        switch tag {
        case 0, 1, 2: return true
        case 3: return varint() != nil
        case 4: return bytes(8) != nil
        case 5: return skipString()
        case 6, 7:
            guard let count = varint(), count <= UInt64(data.count) else { return false }
            for _ in 0..<count {
                // An entry's name is checked as `node` checks it (a known code, or a string).
                guard tag == 6 || fieldName() != nil, skipNode(depth: depth + 1) else { return false }
            }
            return true
        default: return false
        }
    }

    private mutating func skipString() -> Bool {
        guard let count = varint(), count <= UInt64(Int.max) else { return false }
        return bytes(Int(count)) != nil
    }

    /// The value of the field `key` of an object node, read alone (the others skipped): the
    /// first such field, as `Node`'s subscript finds it. Nil when there is none.
    package mutating func field(_ key: String) -> Node? {
        let code = ListedFieldNames.code(key)
        guard byte() == 7, let count = varint() else { return nil }
        for _ in 0..<count {
            guard let found = byte() else { return nil }
            let named: Bool
            if found == ListedFieldNames.other {
                guard let name = string() else { return nil }
                named = name == key
            } else {
                named = found == code
            }
            if named { return node(depth: 1) }
            guard skipNode(depth: 1) else { return nil }
        }
        return nil
    }

    package mutating func fieldName() -> String? {
        guard let code = byte() else { return nil }
        if code == ListedFieldNames.other { return string() }
        return Int(code) < ListedFieldNames.all.count ? ListedFieldNames.all[Int(code)] : nil
    }

    package mutating func diagnostic() -> Diagnostic? {
        guard let count = varint(), count <= UInt64(Int.max), let pathBytes = bytes(Int(count)), let location = location(), let severity = byte(), severity <= 1,
              let rule = string(), let message = string(), let owner = optionalString(), let commit = optionalString() else { return nil }
        return Diagnostic(path: RepositoryPath(bytes: pathBytes), location: location, severity: severity == 1 ? .error : .warning,
                          ruleID: rule, message: message, owner: owner, commit: commit)
    }
}

// What the dated rules read of a document (`DatedRule`), each input named by its rule's ID:
// count, then per input the ID, the moment's bits, the date as written, the subject, the owner
// and the location. Nothing at all when no rule has an input.
extension ByteWriter {
    package mutating func datedInputs(of document: Document, _ rules: [any DatedRule], _ ruleset: Ruleset) {
        var found: [(String, DatedInput)] = []
        for rule in rules {
            for input in rule.inputs(of: document, in: ruleset) { found.append((type(of: rule).description.id, input)) }
        }
        guard !found.isEmpty else { return }
        varint(UInt64(found.count))
        for (id, input) in found {
            string(id)
            fixed(input.date.secondsSinceEpoch.bitPattern)
            string(input.dateText)
            string(input.subject)
            optionalString(input.owner)
            location(input.location)
        }
    }
}

extension ByteReader {
    package mutating func datedInputs() -> [(ruleID: String, input: DatedInput)]? {
        guard let count = varint() else { return nil }
        var found: [(ruleID: String, input: DatedInput)] = []
        for _ in 0..<count {
            guard let id = string(), let bits = fixed(), let dateText = string(), let subject = string(),
                  let owner = optionalString(), let location = location() else { return nil }
            found.append((id, DatedInput(date: Timestamp(secondsSinceEpoch: Double(bitPattern: bits)), dateText: dateText,
                                         subject: subject, owner: owner, location: location)))
        }
        return isAtEnd ? found : nil
    }
}
