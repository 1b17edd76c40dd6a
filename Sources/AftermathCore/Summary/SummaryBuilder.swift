import Dispatch

/// Writes a summary (`SummaryFormat`) from a full validation of one state of the repository.
public enum SummaryBuilder {
    public struct Entry: Sendable {
        public var path: RepositoryPath
        public var contentID: ContentID
        /// Nil when the file could not be read as a document.
        public var document: Document?

        public init(path: RepositoryPath, contentID: ContentID, document: Document?) {
            self.path = path
            self.contentID = contentID
            self.document = document
        }
    }

    /// The summary's bytes, or nil when the run cannot be summarised (a diagnostic about a
    /// file that is not one of the entries, or tables beyond 32-bit offsets).
    /// - Parameter producer: identifies the program writing it (see `SummaryFile.producer`).
    /// - Parameter ruleset: the run's; its dated rules' inputs are kept in place of their findings.
    public static func build(_ entries: [Entry], diagnostics: [Diagnostic], ruleset: Ruleset,
                             tree: ContentID?, producer: UInt64 = 0, threads: Int = 0) -> [UInt8]? {
        parts(entries, diagnostics: diagnostics, ruleset: ruleset, tree: tree, producer: producer, threads: threads)?.joined
    }

    /// How the entries' documents link, worked out ahead (it needs the documents only, not what
    /// the rules found about them): hand it to `parts` with the same entries.
    public struct Links: Sendable {
        fileprivate let tables: LinkTables
        fileprivate let paths: [RepositoryPath]
        /// Whether `paths` are in path order, checked as the links were worked out: `parts`
        /// then need not check it again (on one core, each string's bytes somewhere else in
        /// memory) after the run.
        fileprivate let inPathOrder: Bool
    }

    /// The links of `entries`, for `parts`: worked out ahead (beside a run's rules) only when
    /// the entries are in path order, as a run's are.
    public static func links(_ entries: [Entry]) -> Links {
        Links(tables: LinkTables(entries), paths: entries.map(\.path), inPathOrder: inPathOrder(entries))
    }

    private static func inPathOrder(_ entries: [Entry]) -> Bool {
        // By position (zipped, every step would copy two entries).
        entries.indices.dropFirst().allSatisfy { SnapshotDelta.precedes(entries[$0 - 1].path, entries[$0].path) }
    }

    /// The summary as consecutive pieces (header first): written one after another, they are
    /// the file, without gathering tens of megabytes into one more buffer.
    /// - Parameter links: `links(entries)` worked out ahead; worked out here when nil or of
    ///   other entries.
    public static func parts(_ entries: [Entry], diagnostics: [Diagnostic], ruleset: Ruleset,
                             tree: ContentID?, producer: UInt64 = 0, threads: Int = 0, links ahead: Links? = nil) -> SummaryParts? {
        // A run's entries come in path order: checked in one pass rather than sorted again
        // (when the links ahead are these entries', that pass was made with them).
        let ahead = ahead.flatMap { $0.paths.elementsEqual(entries.lazy.map(\.path)) ? $0 : nil }
        let inOrder = ahead?.inPathOrder ?? inPathOrder(entries)
        let entries = inOrder ? entries : entries.sorted { SnapshotDelta.precedes($0.path, $1.path) }
        // The dated rules' findings depend on the day: their inputs are kept instead.
        let dated = Set(ruleset.rules.dated.map { type(of: $0).description.id })
        let diagnosticsByPath = Dictionary(grouping: dated.isEmpty ? diagnostics : diagnostics.filter { !dated.contains($0.ruleID) },
                                           by: \Diagnostic.path)
        guard summarises(entries, diagnosticsAbout: diagnosticsByPath.keys) else { return nil }

        // The records of each stretch of documents and the tables linking documents through
        // their keys do not depend on each other: they are worked out side by side.
        let workers = max(1, threads > 0 ? threads : ProcessorCount.online)
        let stretch = max(1, (entries.count + 4 * workers - 1) / (4 * workers))
        let stretches = stride(from: 0, to: entries.count, by: stretch).map { $0..<min($0 + stretch, entries.count) }
        let encoded = ResultSlots<DocumentRecords>(count: stretches.count)
        let linkSlot = ResultSlots<LinkTables>(count: 1)
        let usable = inOrder ? ahead?.tables : nil  // links of the entries as they were given
        linkSlot[0] = usable
        DispatchQueue.concurrentPerform(iterations: stretches.count + 1) { job in
            if job == 0 {
                if usable == nil { linkSlot[0] = LinkTables(entries) }
            } else {
                encoded[job - 1] = DocumentRecords(entries[stretches[job - 1]], diagnostics: diagnosticsByPath, ruleset: ruleset)
            }
        }
        let links = linkSlot[0]!

        let records = place(encoded, stretches: stretches, links: links)

        let tables = [records.map(\.table.buffer), [links.keyTable], [links.starts], [links.members], [links.referrerTable],
                      [links.keyStrings] + records.map(\.strings.buffer), records.map(\.diagnostics.buffer), records.map(\.views.buffer)]
        let counts = [entries.count, links.keyCount, links.componentCount, links.members.count / 4, links.referrerTable.count / 4]
        guard let header = header(counts: counts, tables: tables, rulesetFingerprint: ruleset.fingerprint, tree: tree, producer: producer) else { return nil }
        return SummaryParts(pieces: [header] + tables.joined().filter { !$0.isEmpty })
    }

    /// Every path is one entry's, and every diagnostic about an entry (`entries` sorted).
    private static func summarises(_ entries: [Entry], diagnosticsAbout paths: some Collection<RepositoryPath>) -> Bool {
        guard entries.indices.dropFirst().allSatisfy({ entries[$0 - 1].path != entries[$0].path }) else { return false }
        return paths.allSatisfy { path in
            var low = 0, high = entries.count
            while low < high {
                let mid = (low + high) / 2
                if SnapshotDelta.precedes(entries[mid].path, path) { low = mid + 1 } else { high = mid }
            }
            return low < entries.count && entries[low].path == path
        }
    }

    /// The stretches' records with their offsets made table offsets (the keys' strings come
    /// first in the strings table) and component and key numbers in: each stretch on its own.
    private static func place(_ encoded: ResultSlots<DocumentRecords>, stretches: [Range<Int>], links: LinkTables) -> [DocumentRecords] {
        var starts: [(strings: Int, diagnostics: Int, views: Int)] = []
        var next = (strings: links.keyStrings.count, diagnostics: 0, views: 0)
        for s in stretches.indices {
            starts.append(next)
            next.strings += encoded[s]!.strings.buffer.count
            next.diagnostics += encoded[s]!.diagnostics.buffer.count
            next.views += encoded[s]!.views.buffer.count
        }
        let bases = starts
        DispatchQueue.concurrentPerform(iterations: stretches.count) { s in
            var records = encoded[s]!
            encoded[s] = nil // the only reference left, so placing does not copy the records
            records.place(first: stretches[s].lowerBound, strings: bases[s].strings, diagnostics: bases[s].diagnostics,
                          views: bases[s].views, links: links)
            encoded[s] = records
        }
        return stretches.indices.map { encoded[$0]! }
    }

    /// The header for these tables, its checksum covering everything after the checksum
    /// field: the rest of the header, then each table's pieces in turn. Nil past 32-bit offsets.
    private static func header(counts: [Int], tables: [[[UInt8]]], rulesetFingerprint: UInt64, tree: ContentID?, producer: UInt64) -> [UInt8]? {
        let sizes = tables.map { $0.reduce(0) { $0 + $1.count } }
        guard SummaryFormat.headerSize + sizes.reduce(0, +) < Int(UInt32.max) else { return nil }
        var header = ByteWriter()
        header.bytes(SummaryFormat.magic)
        header.fixed(0) // checksum, filled in below
        header.u32(Int(SummaryFormat.version))
        header.u32(tree == nil ? 0 : 1)
        header.fixed(rulesetFingerprint)
        header.bytes(tree?.bytes ?? [UInt8](repeating: 0, count: ContentID.byteCount))
        header.fixed(producer)
        header.bytes([UInt8](repeating: 0, count: SummaryFormat.reservedSize))
        for count in counts { header.u32(count) }
        var offset = SummaryFormat.headerSize
        for size in sizes {
            header.u32(offset)
            offset += size
        }
        header.u32(offset)
        header.bytes([UInt8](repeating: 0, count: SummaryFormat.headerSize - header.buffer.count))

        var checksum = SummaryChecksum(count: offset - SummaryFormat.Offset.checksum - 8)
        checksum.add(Array(header.buffer[(SummaryFormat.Offset.checksum + 8)...]))
        for piece in tables.joined() { checksum.add(piece) }
        let value = checksum.value
        for i in 0..<8 { header.buffer[SummaryFormat.Offset.checksum + i] = UInt8((value >> UInt64(8 * i)) & 0xFF) }
        return header.buffer
    }
}

/// A summary file as consecutive pieces.
public struct SummaryParts: Sendable {
    public var pieces: [[UInt8]]
    public var joined: [UInt8] { Array(pieces.joined()) }
}

/// The document records of a stretch of documents with the strings, diagnostics and listed
/// fields they point to, offsets counted from the stretch's own buffers until `place`.
private struct DocumentRecords: Sendable {
    var table = ByteWriter()
    var strings = ByteWriter()
    var diagnostics = ByteWriter()
    var views = ByteWriter()

    init(_ entries: ArraySlice<SummaryBuilder.Entry>, diagnostics byPath: [RepositoryPath: [Diagnostic]], ruleset: Ruleset) {
        let datedRules = ruleset.rules.dated
        table.buffer.reserveCapacity(entries.count * SummaryFormat.documentRecordSize)
        for entry in entries {
            let pathOffset = strings.buffer.count
            entry.path.withBytes { strings.buffer.append(contentsOf: $0) }
            let found = byPath.isEmpty ? [] : byPath[entry.path] ?? []
            let diagnosticsOffset = diagnostics.buffer.count
            if !found.isEmpty {
                diagnostics.varint(UInt64(found.count))
                for d in found { diagnostics.diagnostic(d) }
            }
            table.u32(pathOffset)
            table.u32(entry.path.byteCount)
            entry.contentID.append(to: &table.buffer)
            table.u32(0) // component, placed later
            table.u32(diagnosticsOffset)
            table.u32(diagnostics.buffer.count - diagnosticsOffset)
            table.u32(0) // key of its own ID, placed later
            table.buffer.append(SummaryFormat.kindCode(entry.document?.kind))
            var flags: UInt8 = found.contains { $0.ruleID == RuleID.brokenLink } ? SummaryFormat.Flag.hasBrokenLink : 0
            if entry.document?.isOpen == true { flags |= SummaryFormat.Flag.isOpen }
            table.buffer.append(flags)
            table.buffer += [0, 0]
            let viewOffset = views.buffer.count
            if let document = entry.document { views.listedFields(of: document) }
            table.u32(viewOffset)
            table.u32(views.buffer.count - viewOffset)
            let datedOffset = diagnostics.buffer.count
            if let document = entry.document, !datedRules.isEmpty { diagnostics.datedInputs(of: document, datedRules, ruleset) }
            table.u32(datedOffset)
            table.u32(diagnostics.buffer.count - datedOffset)
        }
        // Grown by doubling: copied to their size, the slack is not held while the rest is built.
        strings.compact()
        diagnostics.compact()
        views.compact()
    }

    /// Makes the records' offsets point into the whole tables (the stretch's buffers start at
    /// the given bases) and fills in component and key numbers.
    mutating func place(first: Int, strings stringBase: Int, diagnostics diagnosticsBase: Int, views viewBase: Int,
                        links: LinkTables) {
        typealias Field = SummaryFormat.DocumentField
        let count = table.buffer.count / SummaryFormat.documentRecordSize
        table.buffer.withUnsafeMutableBytes { raw in
            func add(_ base: Int, at offset: Int) {
                let value = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                raw.storeBytes(of: (value &+ UInt32(truncatingIfNeeded: base)).littleEndian, toByteOffset: offset, as: UInt32.self)
            }
            func set(_ value: UInt32, at offset: Int) { raw.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt32.self) }
            for r in 0..<count {
                let record = r * SummaryFormat.documentRecordSize
                let i = first + r
                add(stringBase, at: record + Field.path)
                add(diagnosticsBase, at: record + Field.diagnostics)
                add(viewBase, at: record + Field.view)
                add(diagnosticsBase, at: record + Field.dated)
                set(links.component[i], at: record + Field.component)
                set(links.idKey[i], at: record + Field.idKey)
            }
        }
    }
}

extension ByteWriter {
    mutating func u32(_ value: Int) { u32(UInt32(truncatingIfNeeded: value)) }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) } }

    /// A document's listed fields as an object node: the front-matter fields listings and the
    /// review report read (`ItemRow`, `ListQuery`, `BugLink`, `ReviewReport`,
    /// `IncidentFigures`), which the summary keeps so `list`, `digest` and `report` need not
    /// read the documents; of `incident`, only its timestamps. Written as they are found
    /// rather than gathered first (a summary writes every document's).
    mutating func listedFields(of document: Document) {
        // Fields read where they are (a loop over the entries copied each, retaining its value),
        // each name looked up once: the codes are noted as the kept fields are counted.
        (document.frontMatter.objectEntries ?? []).withUnsafeBufferPointer { entries in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: entries.count) { codes in
                var count = 0
                for e in entries.indices {
                    let kept = ListedFieldNames.code(entries[e].key).flatMap { ListedFieldNames.isIncidentTime($0) ? nil : $0 }
                    codes[e] = kept ?? ListedFieldNames.other  // never a kept field's code
                    if kept != nil { count += 1 }
                }
                listedFields(entries, codes: UnsafeBufferPointer(codes), count: count)
            }
        }
    }

    /// The kept fields of `entries`, their codes given (`other` for one not kept).
    private mutating func listedFields(_ entries: UnsafeBufferPointer<Node.Entry>, codes: UnsafeBufferPointer<UInt8>, count: Int) {
        buffer.append(7)
        varint(UInt64(count))
        for e in entries.indices where codes[e] != ListedFieldNames.other {
            let code = codes[e]
            buffer.append(code)
            guard code == ListedFieldNames.incident, case .object(let fields) = entries[e].value.value else {
                node(entries[e].value)
                continue
            }
            let times = fields.lazy.compactMap { ListedFieldNames.code($0.key) }.filter(ListedFieldNames.isIncidentTime)
            buffer.append(7)
            varint(UInt64(times.count))
            for field in fields {
                guard let code = ListedFieldNames.code(field.key), ListedFieldNames.isIncidentTime(code) else { continue }
                buffer.append(code)
                node(field.value)
            }
        }
    }
}
