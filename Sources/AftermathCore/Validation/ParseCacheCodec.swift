/// The on-disk form of a `ParseCache`: parse results by path and blob ID, for one ruleset.
/// Derived data — versioned, checksummed, and thrown away on any doubt: a cache that does not
/// decode exactly is treated as empty, never trusted over the content.
///
/// Layout: magic `AFTMPC`, format version, ruleset fingerprint, entry count, entries, then a
/// fingerprint of everything before it.
public enum ParseCacheCodec {
    /// Bump on any change to the layout or to what a parse result contains.
    public static let formatVersion: UInt32 = 1
    static let magic = Array("AFTMPC".utf8)

    public static func encode(_ entries: [(contentID: String, file: ParsedFile)], rulesetFingerprint: UInt64) -> [UInt8] {
        var out = ByteWriter()
        out.bytes(magic)
        out.varint(UInt64(formatVersion))
        out.fixed(rulesetFingerprint)
        out.varint(UInt64(entries.count))
        for (contentID, file) in entries {
            out.string(contentID)
            out.parsedFile(file)
        }
        let checksum = Fingerprint.of(out.buffer)
        out.fixed(checksum)
        return out.buffer
    }

    /// The entries, or nil when the bytes are not a complete cache of this version for this ruleset.
    public static func decode(_ bytes: [UInt8], rulesetFingerprint: UInt64) -> [(contentID: String, file: ParsedFile)]? {
        guard bytes.count >= magic.count + 8 else { return nil }
        return bytes.withUnsafeBytes { raw in decode(raw, rulesetFingerprint: rulesetFingerprint) }
    }

    private static func decode(_ raw: UnsafeRawBufferPointer, rulesetFingerprint: UInt64) -> [(contentID: String, file: ParsedFile)]? {
        let body = UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 8)])
        var trailer = ByteReader(UnsafeRawBufferPointer(rebasing: raw[(raw.count - 8)...]))
        guard let checksum = trailer.fixed(), checksum == Fingerprint.of(body) else { return nil }
        var reader = ByteReader(body)
        guard reader.bytes(magic.count).map({ $0.elementsEqual(magic) }) == true, reader.varint() == UInt64(formatVersion),
              reader.fixed() == rulesetFingerprint, let count = reader.varint(), count <= UInt64(body.count) else { return nil }
        var entries: [(contentID: String, file: ParsedFile)] = []
        entries.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let id = reader.string(), let file = reader.parsedFile() else { return nil }
            entries.append((id, file))
        }
        return reader.isAtEnd ? entries : nil
    }
}

struct ByteWriter {
    var buffer: [UInt8] = []

    mutating func bytes(_ b: [UInt8]) { buffer += b }

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            buffer.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        buffer.append(UInt8(v))
    }

    mutating func int(_ value: Int) { varint(UInt64(bitPattern: Int64(value)) << 1 ^ UInt64(bitPattern: Int64(value) >> 63)) }

    mutating func fixed(_ value: UInt64) { for shift in stride(from: 0, to: 64, by: 8) { buffer.append(UInt8((value >> UInt64(shift)) & 0xFF)) } }

    mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        varint(UInt64(utf8.count))
        buffer += utf8
    }

    mutating func optionalString(_ s: String?) {
        if let s { buffer.append(1); string(s) } else { buffer.append(0) }
    }

    mutating func location(_ l: SourceLocation) { int(l.line); int(l.column) }

    mutating func node(_ n: Node) {
        location(n.location)
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
                string(entry.key)
                location(entry.keyLocation)
                node(entry.value)
            }
        }
    }

    mutating func diagnostic(_ d: Diagnostic) {
        string(d.path)
        location(d.location)
        buffer.append(d.severity == .error ? 1 : 0)
        string(d.ruleID)
        string(d.message)
        optionalString(d.owner)
        optionalString(d.commit)
    }

    mutating func parsedFile(_ file: ParsedFile) {
        string(file.path)
        varint(UInt64(file.diagnostics.count))
        for d in file.diagnostics { diagnostic(d) }
        guard let document = file.document else { buffer.append(0); return }
        buffer.append(1)
        string(document.path)
        string(document.kind.rawValue)
        string(document.id)
        node(document.frontMatter)
        buffer.append(document.isWellFormed ? 1 : 0)
        fixed(document.fingerprint)
        let body = document.body
        fixed(body.fingerprint)
        int(body.firstLine)
        varint(UInt64(body.sections.count))
        for section in body.sections {
            string(section.title)
            int(section.line)
            int(section.content.lowerBound)
            int(section.content.upperBound)
        }
        varint(UInt64(body.timeline.count))
        for entry in body.timeline {
            location(entry.location)
            string(entry.text)
            if let t = entry.timestamp { buffer.append(1); fixed(t.secondsSinceEpoch.bitPattern) } else { buffer.append(0) }
        }
    }
}

/// Reads what `ByteWriter` wrote, in place: callers hold the bytes alive while it reads.
/// Every read is bounds-checked and answers nil past the end.
struct ByteReader {
    private let data: UnsafeRawBufferPointer
    private var index = 0

    init(_ data: UnsafeRawBufferPointer) { self.data = data }

    var isAtEnd: Bool { index == data.count }

    mutating func byte() -> UInt8? {
        guard index < data.count else { return nil }
        defer { index += 1 }
        return data[index]
    }

    mutating func bytes(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count >= 0, data.count - index >= count else { return nil }
        defer { index += count }
        return UnsafeRawBufferPointer(rebasing: data[index..<(index + count)])
    }

    mutating func varint() -> UInt64? {
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

    mutating func int() -> Int? {
        guard let raw = varint() else { return nil }
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    mutating func fixed() -> UInt64? {
        guard let b = bytes(8) else { return nil }
        return UInt64(littleEndian: b.loadUnaligned(as: UInt64.self))
    }

    /// Checksummed data was written as valid UTF-8; decoding (not validating) keeps reads cheap.
    mutating func string() -> String? {
        guard let count = varint(), count <= UInt64(Int.max), let b = bytes(Int(count)) else { return nil }
        return String(decoding: b, as: UTF8.self)
    }

    mutating func optionalString() -> String?? {
        switch byte() {
        case 0: return .some(nil)
        case 1: return string().map { .some($0) }
        default: return nil
        }
    }

    mutating func location() -> SourceLocation? {
        guard let line = int(), let column = int() else { return nil }
        return SourceLocation(line: line, column: column)
    }

    /// Nesting is bounded like the reader's, so a damaged cache cannot recurse without end.
    mutating func node(depth: Int = 0) -> Node? {
        guard depth < 128, let location = location(), let tag = byte() else { return nil }
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
                guard let key = string(), let keyLocation = self.location(), let value = node(depth: depth + 1) else { return nil }
                entries.append(Node.Entry(key: key, keyLocation: keyLocation, value: value))
            }
            return Node(.object(entries), at: location)
        default: return nil
        }
    }

    mutating func diagnostic() -> Diagnostic? {
        guard let path = string(), let location = location(), let severity = byte(), severity <= 1,
              let rule = string(), let message = string(), let owner = optionalString(), let commit = optionalString() else { return nil }
        return Diagnostic(path: path, location: location, severity: severity == 1 ? .error : .warning,
                          ruleID: rule, message: message, owner: owner, commit: commit)
    }

    mutating func parsedFile() -> ParsedFile? {
        guard let path = string(), let count = varint(), count <= UInt64(data.count) else { return nil }
        var diagnostics: [Diagnostic] = []
        for _ in 0..<count {
            guard let d = diagnostic() else { return nil }
            diagnostics.append(d)
        }
        guard let hasDocument = byte() else { return nil }
        if hasDocument == 0 { return ParsedFile(path: path, document: nil, diagnostics: diagnostics) }
        guard hasDocument == 1, let docPath = string(), let kindName = string(), let kind = DocumentKind(rawValue: kindName),
              let id = string(), let frontMatter = node(), let wellFormed = byte(), let fingerprint = fixed(),
              let bodyFingerprint = fixed(), let firstLine = int(), let sectionCount = varint(), sectionCount <= UInt64(data.count) else { return nil }
        var body = MarkdownBody()
        body.fingerprint = bodyFingerprint
        body.firstLine = firstLine
        for _ in 0..<sectionCount {
            guard let title = string(), let line = int(), let lower = int(), let upper = int(), lower <= upper else { return nil }
            body.sections.append(MarkdownBody.Section(title: title, line: line, content: lower..<upper))
        }
        guard let entryCount = varint(), entryCount <= UInt64(data.count) else { return nil }
        for _ in 0..<entryCount {
            guard let location = location(), let text = string(), let hasTime = byte() else { return nil }
            var timestamp: Timestamp?
            if hasTime == 1 {
                guard let bits = fixed() else { return nil }
                timestamp = Timestamp(secondsSinceEpoch: Double(bitPattern: bits))
            }
            body.timeline.append(MarkdownBody.TimelineEntry(location: location, text: text, timestamp: timestamp))
        }
        let document = Document(path: docPath, kind: kind, id: id, frontMatter: frontMatter, body: body,
                                isWellFormed: wellFormed == 1, fingerprint: fingerprint)
        return ParsedFile(path: path, document: document, diagnostics: diagnostics)
    }
}
