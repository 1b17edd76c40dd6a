/// Writes a summary (`SummaryFormat`) from a full validation of one state of the repository.
public enum SummaryBuilder {
    public struct Entry: Sendable {
        public var path: String
        public var contentID: ContentID
        /// Nil when the file could not be read as a document.
        public var document: Document?

        public init(path: String, contentID: ContentID, document: Document?) {
            self.path = path
            self.contentID = contentID
            self.document = document
        }
    }

    /// The summary's bytes, or nil when the run cannot be summarised (a diagnostic about a
    /// file that is not one of the entries, or tables beyond 32-bit offsets).
    /// - Parameter producer: identifies the program writing it (see `SummaryFile.producer`).
    public static func build(_ entries: [Entry], diagnostics: [Diagnostic], rulesetFingerprint: UInt64,
                             tree: ContentID?, producer: UInt64 = 0) -> [UInt8]? {
        let entries = entries.sorted { SnapshotDelta.precedes($0.path, $1.path) }
        var diagnosticsByPath: [String: [Diagnostic]] = [:]
        // The overdue rule's findings depend on the day: its input is kept instead.
        for d in diagnostics where d.ruleID != RuleID.overdue { diagnosticsByPath[d.path, default: []].append(d) }
        let paths = Set(entries.map(\.path))
        guard diagnostics.allSatisfy({ paths.contains($0.path) }) else { return nil }
        guard paths.count == entries.count else { return nil }

        let components = Components(entries.map { $0.document?.keys ?? [] })
        var referrers: [String: [Int]] = [:]
        for (i, entry) in entries.enumerated() {
            for reference in Set(entry.document?.references ?? []) { referrers[reference, default: []].append(i) }
        }
        let keys = Set(components.keyOwner.keys).union(referrers.keys).sorted(by: SnapshotDelta.precedes)
        var keyNumber: [String: Int] = [:]
        for (i, key) in keys.enumerated() { keyNumber[key] = i }

        var strings = ByteWriter()
        var encodedDiagnostics = ByteWriter()
        var documentTable = ByteWriter()
        documentTable.buffer.reserveCapacity(entries.count * SummaryFormat.documentRecordSize)
        var views = ByteWriter()
        for (i, entry) in entries.enumerated() {
            let pathOffset = strings.buffer.count
            strings.buffer.append(contentsOf: entry.path.utf8)
            let found = diagnosticsByPath[entry.path] ?? []
            let diagnosticsOffset = encodedDiagnostics.buffer.count
            if !found.isEmpty {
                encodedDiagnostics.varint(UInt64(found.count))
                for d in found { encodedDiagnostics.diagnostic(d) }
            }
            documentTable.u32(pathOffset)
            documentTable.u32(entry.path.utf8.count)
            entry.contentID.append(to: &documentTable.buffer)
            documentTable.u32(components.component[i])
            documentTable.u32(diagnosticsOffset)
            documentTable.u32(encodedDiagnostics.buffer.count - diagnosticsOffset)
            documentTable.u32(entry.document.flatMap { keyNumber[$0.id] }.map(UInt32.init) ?? SummaryFormat.noKey)
            documentTable.buffer.append(SummaryFormat.kindCode(entry.document?.kind))
            var flags: UInt8 = found.contains { $0.ruleID == RuleID.brokenLink } ? SummaryFormat.Flag.hasBrokenLink : 0
            if entry.document?.isOpen == true { flags |= SummaryFormat.Flag.isOpen }
            let overdue = entry.document.flatMap(OverdueRule.Input.init)
            if overdue != nil { flags |= SummaryFormat.Flag.hasOverdueInput }
            documentTable.buffer.append(flags)
            documentTable.buffer += [0, 0]
            let viewOffset = views.buffer.count
            if let document = entry.document { views.listedFields(of: document) }
            documentTable.u32(viewOffset)
            documentTable.u32(views.buffer.count - viewOffset)
            documentTable.fixed(overdue?.due.secondsSinceEpoch.bitPattern ?? 0)
            for text in [overdue?.dueText, overdue?.owner] {
                documentTable.u32(strings.buffer.count)
                documentTable.u32(text.map { $0.utf8.count } ?? Int(SummaryFormat.noKey))
                if let text { strings.buffer.append(contentsOf: text.utf8) }
            }
            documentTable.u32(overdue?.location.line ?? 0)
            documentTable.u32(overdue?.location.column ?? 0)
        }
        var keyTable = ByteWriter()
        keyTable.buffer.reserveCapacity(keys.count * SummaryFormat.keyRecordSize)
        var referrerTable = ByteWriter()
        for key in keys {
            keyTable.u32(strings.buffer.count)
            keyTable.u32(key.utf8.count)
            strings.buffer.append(contentsOf: key.utf8)
            keyTable.u32(components.keyOwner[key].map { components.component[$0] } ?? SummaryFormat.noKey)
            let referring = referrers[key] ?? []
            keyTable.u32(referrerTable.buffer.count / 4)
            keyTable.u32(referring.count)
            for i in referring { referrerTable.u32(i) }
        }
        var starts = ByteWriter()
        var members = ByteWriter()
        for group in components.members {
            starts.u32(members.buffer.count / 4)
            for member in group { members.u32(member) }
        }
        starts.u32(members.buffer.count / 4)

        let tables = [documentTable.buffer, keyTable.buffer, starts.buffer, members.buffer, referrerTable.buffer, strings.buffer, encodedDiagnostics.buffer, views.buffer]
        guard SummaryFormat.headerSize + tables.reduce(0, { $0 + $1.count }) < Int(UInt32.max) else { return nil }
        var header = ByteWriter()
        header.bytes(SummaryFormat.magic)
        header.fixed(0) // checksum, filled in below
        header.u32(Int(SummaryFormat.version))
        header.u32(tree == nil ? 0 : 1)
        header.fixed(rulesetFingerprint)
        header.bytes(tree?.bytes ?? [UInt8](repeating: 0, count: ContentID.byteCount))
        header.fixed(producer)
        header.bytes([UInt8](repeating: 0, count: SummaryFormat.reservedSize))
        for count in [entries.count, keys.count, components.members.count, members.buffer.count / 4, referrerTable.buffer.count / 4] { header.u32(count) }
        var offset = SummaryFormat.headerSize
        for table in tables {
            header.u32(offset)
            offset += table.count
        }
        header.u32(offset)
        header.bytes([UInt8](repeating: 0, count: SummaryFormat.headerSize - header.buffer.count))
        var file = header.buffer
        file.reserveCapacity(offset)
        for table in tables { file += table }
        let checksum = file[SummaryFormat.Offset.checksum + 8..<file.count].withUnsafeBytes { Fingerprint.of($0) }
        for i in 0..<8 { file[SummaryFormat.Offset.checksum + i] = UInt8((checksum >> UInt64(8 * i)) & 0xFF) }
        return file
    }
}

extension ByteWriter {
    mutating func u32(_ value: Int) { u32(UInt32(truncatingIfNeeded: value)) }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) } }

    /// A document's listed fields (`Document.listedEntries`) as an object node.
    mutating func listedFields(of document: Document) {
        node(Node(.object(document.listedEntries), at: document.frontMatter.location))
    }
}
