/// A summary (`SummaryFormat`) read in place. Opening checks the header, the checksum and that
/// every record points inside the file, so the accessors below never read out of bounds; a
/// file failing any check is not a summary (nil) and the caller validates in full.
public final class SummaryFile: @unchecked Sendable {
    public static var formatVersion: UInt32 { SummaryFormat.version }
    private let store: ByteStore
    private var raw: UnsafeRawBufferPointer { store.buffer }
    public let rulesetFingerprint: UInt64
    /// Which program wrote it: the rules' code is part of what a summary records, so a summary
    /// from another build of the tool is not used (the edge decides what identifies a build).
    public let producer: UInt64
    public let tree: ContentID?
    public let documentCount: Int
    let keyCount: Int
    let componentCount: Int
    private let tables: [Int]   // documents, keys, component starts, members, referrers, strings, diagnostics, views, end

    public init?(_ store: ByteStore) {
        self.store = store
        let raw = store.buffer
        guard raw.count >= SummaryFormat.headerSize, Array(raw[0..<8]) == SummaryFormat.magic,
              Self.u32(raw, SummaryFormat.Offset.version) == SummaryFormat.version else { return nil }
        let checksum = raw.loadUnaligned(fromByteOffset: SummaryFormat.Offset.checksum, as: UInt64.self).littleEndian
        guard checksum == SummaryChecksum.of(UnsafeRawBufferPointer(rebasing: raw[(SummaryFormat.Offset.checksum + 8)...])) else { return nil }
        rulesetFingerprint = raw.loadUnaligned(fromByteOffset: SummaryFormat.Offset.fingerprint, as: UInt64.self).littleEndian
        producer = raw.loadUnaligned(fromByteOffset: SummaryFormat.Offset.producer, as: UInt64.self).littleEndian
        tree = Self.u32(raw, SummaryFormat.Offset.flags) & 1 == 1
            ? ContentID(UnsafeRawBufferPointer(rebasing: raw[SummaryFormat.Offset.tree...])) : nil
        let counts = (0..<5).map { Int(Self.u32(raw, SummaryFormat.Offset.counts + 4 * $0)) }
        (documentCount, keyCount, componentCount) = (counts[0], counts[1], counts[2])
        let (memberCount, referrerCount) = (counts[3], counts[4])
        tables = (0..<9).map { Int(Self.u32(raw, SummaryFormat.Offset.tables + 4 * $0)) }
        guard tables[0] == SummaryFormat.headerSize, zip(tables, tables.dropFirst()).allSatisfy({ $0 <= $1 }), tables[8] == raw.count,
              tables[1] - tables[0] == documentCount * SummaryFormat.documentRecordSize,
              tables[2] - tables[1] == keyCount * SummaryFormat.keyRecordSize,
              tables[3] - tables[2] == (componentCount + 1) * 4,
              tables[4] - tables[3] == memberCount * 4,
              tables[5] - tables[4] == referrerCount * 4 else { return nil }
        guard validateRecords(memberCount: memberCount, referrerCount: referrerCount) else { return nil }
    }

    private func validateRecords(memberCount: Int, referrerCount: Int) -> Bool {
        let stringsSize = tables[6] - tables[5], diagnosticsSize = tables[7] - tables[6], viewsSize = tables[8] - tables[7]
        var previous: UnsafeRawBufferPointer?
        for i in 0..<documentCount {
            let r = tables[0] + i * SummaryFormat.documentRecordSize
            let pathOffset = Int(u32(r)), pathLength = Int(u32(r + SummaryFormat.DocumentField.pathLength))
            let d = Int(u32(r + SummaryFormat.DocumentField.diagnostics)), dl = Int(u32(r + SummaryFormat.DocumentField.diagnosticsLength))
            let key = u32(r + SummaryFormat.DocumentField.idKey)
            let v = Int(u32(r + SummaryFormat.DocumentField.view)), vl = Int(u32(r + SummaryFormat.DocumentField.viewLength))
            let dated = Int(u32(r + SummaryFormat.DocumentField.dated)), datedLength = Int(u32(r + SummaryFormat.DocumentField.datedLength))
            guard dated + datedLength <= diagnosticsSize,
                  pathOffset + pathLength <= stringsSize, d + dl <= diagnosticsSize, v + vl <= viewsSize,
                  Int(u32(r + SummaryFormat.DocumentField.component)) < componentCount,
                  key == SummaryFormat.noKey || Int(key) < keyCount else { return false }
            // Sorted and unique, or binary search would silently miss (compared as the listing
            // compares paths: `memcmp`, where a byte-by-byte generic comparison walked the long
            // shared prefixes of a hundred thousand paths).
            let path = pathBytes(i)
            if let previous, SnapshotDelta.compare(previous, path) >= 0 { return false }
            previous = path
        }
        for i in 0..<keyCount {
            let r = tables[1] + i * SummaryFormat.keyRecordSize
            let component = u32(r + 8)
            guard Int(u32(r)) + Int(u32(r + 4)) <= stringsSize, component == SummaryFormat.noKey || Int(component) < componentCount,
                  Int(u32(r + 12)) + Int(u32(r + 16)) <= referrerCount else { return false }
        }
        var last = 0
        for c in 0...componentCount {
            let start = Int(u32(tables[2] + 4 * c))
            guard start >= last, start <= memberCount else { return false }
            last = start
        }
        guard last == memberCount else { return false }
        for m in 0..<memberCount where Int(u32(tables[3] + 4 * m)) >= documentCount { return false }
        for m in 0..<referrerCount where Int(u32(tables[4] + 4 * m)) >= documentCount { return false }
        return true
    }

    // MARK: Documents

    func record(_ i: Int) -> Int { tables[0] + i * SummaryFormat.documentRecordSize }

    public func pathBytes(_ i: Int) -> UnsafeRawBufferPointer {
        let r = record(i)
        let start = tables[5] + Int(u32(r))
        return UnsafeRawBufferPointer(rebasing: raw[start..<(start + Int(u32(r + SummaryFormat.DocumentField.pathLength)))])
    }

    public func path(_ i: Int) -> RepositoryPath { RepositoryPath(bytes: pathBytes(i)) }

    public func contentID(_ i: Int) -> ContentID {
        ContentID(UnsafeRawBufferPointer(rebasing: raw[(record(i) + SummaryFormat.DocumentField.blob)...]))
    }

    func component(_ i: Int) -> Int { Int(u32(record(i) + SummaryFormat.DocumentField.component)) }

    func kind(_ i: Int) -> DocumentKind? { SummaryFormat.kind(raw[record(i) + SummaryFormat.DocumentField.kind]) }

    func hasBrokenLink(_ i: Int) -> Bool { raw[record(i) + SummaryFormat.DocumentField.flags] & SummaryFormat.Flag.hasBrokenLink != 0 }

    func hasDiagnostics(_ i: Int) -> Bool { u32(record(i) + SummaryFormat.DocumentField.diagnosticsLength) > 0 }

    /// The number of the document's own ID in the keys table (see `keyNumber(of:)`).
    func idKey(_ i: Int) -> Int? {
        let key = u32(record(i) + SummaryFormat.DocumentField.idKey)
        return key == SummaryFormat.noKey ? nil : Int(key)
    }

    /// The document's own ID, nil for a file that was not a document.
    func id(_ i: Int) -> String? {
        let key = u32(record(i) + SummaryFormat.DocumentField.idKey)
        return key == SummaryFormat.noKey ? nil : self.key(Int(key))
    }

    /// What the full run reported about the document; nil if the stored bytes do not decode.
    func diagnostics(_ i: Int) -> [Diagnostic]? {
        let r = record(i)
        let length = Int(u32(r + SummaryFormat.DocumentField.diagnosticsLength))
        guard length > 0 else { return [] }
        let start = tables[6] + Int(u32(r + SummaryFormat.DocumentField.diagnostics))
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[start..<(start + length)]))
        guard let count = reader.varint(), count <= UInt64(length) else { return nil }
        var found: [Diagnostic] = []
        for _ in 0..<count {
            guard let d = reader.diagnostic() else { return nil }
            found.append(d)
        }
        return reader.isAtEnd ? found : nil
    }

    func isOpen(_ i: Int) -> Bool { raw[record(i) + SummaryFormat.DocumentField.flags] & SummaryFormat.Flag.isOpen != 0 }

    /// What the dated rules read of the document (`DatedRule`), each with its rule's ID; nil if
    /// the stored bytes do not decode.
    func datedInputs(_ i: Int) -> [(ruleID: String, input: DatedInput)]? {
        let r = record(i)
        let length = Int(u32(r + SummaryFormat.DocumentField.datedLength))
        guard length > 0 else { return [] }
        let start = tables[6] + Int(u32(r + SummaryFormat.DocumentField.dated))
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[start..<(start + length)]))
        return reader.datedInputs()
    }

    /// A string of the strings table named by an offset field and a length field (none: nil).
    private func string(_ offsetField: Int, _ lengthField: Int) -> String? {
        let length = u32(lengthField)
        guard length != SummaryFormat.noKey else { return nil }
        let start = tables[5] + Int(u32(offsetField))
        return String(decoding: raw[start..<(start + Int(length))], as: UTF8.self)
    }

    /// The document with only its listed fields (`ByteWriter.listedFields`), nil for a file that
    /// was not a document or a record that does not decode.
    ///
    /// The fields are read where the summary holds them, each when asked (`ListedRecord`):
    /// building every field of 42,000 documents for a listing that shows five of them was a
    /// fifth of a warm `list`, most of it the memory the trees took. They are checked here.
    func listedDocument(_ i: Int) -> ListedDocument? {
        let r = record(i)
        let length = Int(u32(r + SummaryFormat.DocumentField.viewLength))
        guard length > 0, let kind = kind(i), let id = id(i) else { return nil }
        let start = tables[7] + Int(u32(r + SummaryFormat.DocumentField.view))
        let bytes = UnsafeRawBufferPointer(rebasing: raw[start..<(start + length)])
        var checker = ByteReader(bytes)
        guard bytes.first == 7, checker.skipNode(), checker.isAtEnd else { return nil }  // an object, whole
        return ListedDocument(path: path(i), kind: kind, id: id, record: ListedRecord(bytes: bytes), keeping: self)
    }

    /// The document at `path`, by binary search.
    public func index(of path: RepositoryPath) -> Int? { path.withBytes { SortedBytes.find($0, count: documentCount, at: pathBytes) } }

    // MARK: Keys and components

    func key(_ k: Int) -> String { String(decoding: keyBytes(k), as: UTF8.self) }

    /// The component of the documents having `key` as a key, if any does.
    func component(ofKey key: String) -> Int? { keyNumber(of: key).flatMap(component(ofKeyNumber:)) }

    /// The position of `key` in the keys table, by binary search: documents name their IDs by it.
    func keyNumber(of key: String) -> Int? { SortedBytes.find(key, count: keyCount, at: keyBytes) }

    func component(ofKeyNumber k: Int) -> Int? {
        let component = u32(tables[1] + k * SummaryFormat.keyRecordSize + 8)
        return component == SummaryFormat.noKey ? nil : Int(component)
    }

    /// The documents referring to `key` (`Document.references`).
    func referrers(of key: String) -> [Int] {
        guard let r = keyRecord(key) else { return [] }
        let start = Int(u32(r + 12)), count = Int(u32(r + 16))
        return (start..<(start + count)).map { Int(u32(tables[4] + 4 * $0)) }
    }

    private func keyRecord(_ key: String) -> Int? { keyNumber(of: key).map { tables[1] + $0 * SummaryFormat.keyRecordSize } }

    private func keyBytes(_ k: Int) -> UnsafeRawBufferPointer {
        let r = tables[1] + k * SummaryFormat.keyRecordSize
        let start = tables[5] + Int(u32(r))
        return UnsafeRawBufferPointer(rebasing: raw[start..<(start + Int(u32(r + 4)))])
    }

    func members(of component: Int) -> [Int] {
        var members: [Int] = []
        forEachMember(of: component) { members.append($0) }
        return members
    }

    /// `members(of:)` without gathering them: for lookups done tens of thousands of times.
    func forEachMember(of component: Int, _ body: (Int) -> Void) {
        let start = Int(u32(tables[2] + 4 * component)), end = Int(u32(tables[2] + 4 * (component + 1)))
        for m in start..<end { body(Int(u32(tables[3] + 4 * m))) }
    }

    // MARK: Bytes

    private func u32(_ offset: Int) -> UInt32 { Self.u32(raw, offset) }

    private static func u32(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian
    }
}
