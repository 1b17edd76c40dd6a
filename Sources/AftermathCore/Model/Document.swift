/// One postmortem, finding or remediation item as read from a file. Immutable and shared by
/// reference: indexes, rules and views pass documents around a great deal, and copying a
/// struct of this size cost more than the rules themselves.
public final class Document: Sendable {
    public let path: RepositoryPath
    public let kind: DocumentKind
    public let id: String
    private let fields: Fields
    /// What holds the listed fields' bytes (the summary's mapped file), kept while this lives.
    private let fieldsOwner: (any AnyObject & Sendable)?
    public let body: MarkdownBody
    /// True when the file had no reading or schema errors; rules that rely on field shapes
    /// still run on others but must not assume them.
    public let isWellFormed: Bool
    /// A hash of the file's bytes: equal fingerprints mean an unchanged document.
    public let fingerprint: UInt64

    /// The front matter as read from the file, or the listed fields a summary holds.
    private enum Fields: Sendable {
        case read(Node)
        case listed(ListedRecord)
    }

    public init(path: RepositoryPath, kind: DocumentKind, id: String, frontMatter: Node, body: MarkdownBody,
                isWellFormed: Bool = true, fingerprint: UInt64 = 0) {
        self.path = path
        self.kind = kind
        self.id = id
        fields = .read(frontMatter)
        fieldsOwner = nil
        self.body = body
        self.isWellFormed = isWellFormed
        self.fingerprint = fingerprint
    }

    /// A document at a path named by text.
    public convenience init(path: String, kind: DocumentKind, id: String, frontMatter: Node, body: MarkdownBody,
                            isWellFormed: Bool = true, fingerprint: UInt64 = 0) {
        self.init(path: RepositoryPath(path), kind: kind, id: id, frontMatter: frontMatter, body: body,
                  isWellFormed: isWellFormed, fingerprint: fingerprint)
    }

    /// A document known by its listed fields only (`SummaryFile.listedDocument`), their bytes
    /// held by `owner`.
    init(path: RepositoryPath, kind: DocumentKind, id: String, listed: ListedRecord, keeping owner: any AnyObject & Sendable) {
        self.path = path
        self.kind = kind
        self.id = id
        fields = .listed(listed)
        fieldsOwner = owner
        body = MarkdownBody()
        isWellFormed = true
        fingerprint = 0
    }

    /// The front matter's fields. Built anew on each call for a document known by its listed
    /// fields: a field read often is better read by `field(_:)`.
    public var frontMatter: Node {
        switch fields {
        case .read(let node): return node
        case .listed(let record): return record.node
        }
    }

    /// The front-matter field `key` (the first of that name).
    public func field(_ key: String) -> Node? {
        switch fields {
        case .read(let node): return node[key]
        case .listed(let record): return record.field(key)
        }
    }

    public func string(_ key: String) -> String? { field(key)?.stringValue }
    public func location(of key: String) -> SourceLocation {
        if case .read(let node) = fields { return node.location(of: key) }
        return .fileStart  // the listed fields keep no positions
    }

    public var status: String? { string("status") }
    public var title: String? { string("title") }
    public var owner: String? { string("owner") }

    /// The ID this document links to: a finding's postmortem, a remediation item's finding.
    public var parentID: String? {
        switch kind {
        case .postmortem: return nil
        case .finding: return string("postmortem")
        case .remediation: return string("finding")
        }
    }

    /// Whether the document still needs work (DESIGN.md section 3).
    public var isOpen: Bool {
        guard let status else { return true }
        return !Statuses.resolved(kind).contains(status)
    }
}

/// A fast 64-bit content fingerprint (not a security hash): eight bytes per step, then a
/// final avalanche, so equal fingerprints mean unchanged content for change detection.
public enum Fingerprint {
    public static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes(of) }

    public static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 { bytes.withUnsafeBytes(of) }

    /// The fingerprint of fingerprints (and lengths): parts hashed once, joined.
    public static func of(words: [UInt64]) -> UInt64 { words.withUnsafeBytes(of) }

    /// `of(words:)` of three words, without an array (a document's fingerprint is made so).
    public static func of(words a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 { withUnsafeBytes(of: (a, b, c)) { of($0) } }

    /// The fingerprint of bytes that arrive in pieces, equal to `of` their concatenation.
    public struct Stream {
        private var hash: UInt64
        private var pending: UInt64 = 0
        private var pendingCount = 0

        /// - Parameter count: the number of bytes that will be added, in all.
        public init(count: Int) { hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count) }

        public mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

        public mutating func add(_ raw: UnsafeRawBufferPointer) {
            var i = 0
            while pendingCount > 0 && pendingCount < 8 && i < raw.count {
                pending |= UInt64(raw[i]) << UInt64(8 * pendingCount)
                pendingCount += 1
                i += 1
            }
            if pendingCount == 8 {
                mix(pending)
                (pending, pendingCount) = (0, 0)
            }
            while i + 8 <= raw.count {
                mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                i += 8
            }
            while i < raw.count {
                pending |= UInt64(raw[i]) << UInt64(8 * pendingCount)
                pendingCount += 1
                i += 1
            }
        }

        private mutating func mix(_ word: UInt64) { Fingerprint.mix(&hash, word) }

        public var value: UInt64 {
            var hash = (self.hash ^ pending) &* 0xC4CE_B9FE_1A85_EC53
            hash ^= hash >> 29
            hash = hash &* 0xFF51_AFD7_ED55_8CCD
            return hash ^ (hash >> 32)
        }
    }

    /// One step: a word folded into a running hash (also `SummaryChecksum`'s, in each lane).
    static func mix(_ hash: inout UInt64, _ word: UInt64) {
        hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 32
    }

    public static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var stream = Stream(count: raw.count)
        stream.add(raw)
        return stream.value
    }

    /// A fingerprint (other than `of`'s) worked out in four independent lanes over 32-byte
    /// blocks, the last zero-padded, then the lanes and the length joined: four words in flight
    /// at once rather than one chain of multiplies. Every document read is fingerprinted so:
    /// 1.9% of a cold 100,000-document run's work with `of`, 0.8% with this (measured). The
    /// summary's checksum is the same value taken in pieces (`SummaryChecksum`).
    public static func lanes(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        let seed = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
        var lanes = (seed, seed &+ 1, seed &+ 2, seed &+ 3)
        var i = 0
        while i + 32 <= raw.count {
            mix(&lanes.0, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            mix(&lanes.1, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)))
            mix(&lanes.2, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)))
            mix(&lanes.3, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)))
            i += 32
        }
        var tail: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        if i < raw.count, let base = raw.baseAddress {
            withUnsafeMutableBytes(of: &tail) { $0.baseAddress!.copyMemory(from: base + i, byteCount: raw.count - i) }
        }
        mix(&lanes.0, UInt64(littleEndian: tail.0))
        mix(&lanes.1, UInt64(littleEndian: tail.1))
        mix(&lanes.2, UInt64(littleEndian: tail.2))
        mix(&lanes.3, UInt64(littleEndian: tail.3))
        let joined = (lanes.0, lanes.1, lanes.2, lanes.3, UInt64(raw.count))
        return withUnsafeBytes(of: joined) { of($0) }
    }

    /// `lanes` of bytes in an array slice.
    public static func lanes(_ bytes: ArraySlice<UInt8>) -> UInt64 { bytes.withUnsafeBytes(lanes) }
}

/// The statuses that count as finished, per kind.
public enum Statuses {
    /// An array, not a set: one or two short words compare faster than a hash, and every rule
    /// asks of every document.
    public static func resolved(_ kind: DocumentKind) -> [String] {
        switch kind {
        case .postmortem: return postmortem
        case .finding: return finding
        case .remediation: return remediation
        }
    }

    private static let postmortem = ["closed"]
    private static let finding = ["resolved", "accepted-risk"]
    private static let remediation = ["done", "wont-fix"]
}
