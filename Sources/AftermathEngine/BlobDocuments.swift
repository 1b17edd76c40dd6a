import AftermathCore

/// Documents of git snapshots, each blob parsed once however many commits hold it: what
/// history needs when it walks every commit.
package struct BlobDocuments {
    package let ruleset: Ruleset
    /// A version of a file: its path (as bytes: two names git keeps apart are two files) and blob.
    private struct Version: Hashable {
        var path: RepositoryPath
        var blob: String
    }

    private var parsed: [Version: Document?] = [:]
    /// Versions read and found not to mention the ID looked for (`document(at:in:mentioning:)`).
    private var lacking = Set<Version>()

    package init(ruleset: Ruleset) { self.ruleset = ruleset }

    /// The document at `path` in `snapshot`, or nil (no such file, no blob ID, or not a document).
    package mutating func document(at path: RepositoryPath, in snapshot: Snapshot) throws -> Document? {
        guard let blob = snapshot.contentID(path) else { return nil }
        let key = Version(path: path, blob: blob)
        if let cached = parsed[key] { return cached }
        let bytes = try snapshot.read(path, upTo: ruleset.configuration.limits.maxFileBytes + 1) ?? []
        let document = DocumentParser.parse(path: path, bytes: bytes, ruleset: ruleset).document
        parsed[key] = document
        return document
    }

    /// The document at `path` if its bytes could give it the ID `id`, else nil without
    /// parsing: an ID is written out in the front matter (quoted or not), unless escapes spell
    /// it, so a file holding neither the ID nor a backslash cannot have it.
    package mutating func document(at path: RepositoryPath, in snapshot: Snapshot, mentioning id: String) throws -> Document? {
        guard let blob = snapshot.contentID(path) else { return nil }
        let key = Version(path: path, blob: blob)
        if let cached = parsed[key] { return cached }
        if lacking.contains(key) { return nil }
        let bytes = try snapshot.read(path, upTo: ruleset.configuration.limits.maxFileBytes + 1) ?? []
        guard bytes.contains(UInt8(ascii: "\\")) || Self.bytes(bytes, contain: Array(id.utf8)) else {
            lacking.insert(key)
            return nil
        }
        let document = DocumentParser.parse(path: path, bytes: bytes, ruleset: ruleset).document
        parsed[key] = document
        return document
    }

    /// The document at `path` if its bytes could give it one of `ids`, else nil without parsing
    /// (as `document(at:in:mentioning:)`, for many IDs at once): an ID is written out as a word
    /// of letters, digits and dashes.
    package mutating func document(at path: RepositoryPath, in snapshot: Snapshot, mentioningAnyOf ids: Set<[UInt8]>) throws -> Document? {
        guard let blob = snapshot.contentID(path) else { return nil }
        let key = Version(path: path, blob: blob)
        if let cached = parsed[key] { return cached }
        if lacking.contains(key) { return nil }
        let bytes = try snapshot.read(path, upTo: ruleset.configuration.limits.maxFileBytes + 1) ?? []
        guard bytes.contains(UInt8(ascii: "\\")) || Self.words(of: bytes, include: ids) else {
            lacking.insert(key)
            return nil
        }
        let document = DocumentParser.parse(path: path, bytes: bytes, ruleset: ruleset).document
        parsed[key] = document
        return document
    }

    /// Whether one of the words of `bytes` (runs of ASCII letters, digits and dashes) is in `words`.
    static func words(of bytes: [UInt8], include words: Set<[UInt8]>) -> Bool {
        func isWordByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "-")
        }
        var start = 0
        while start < bytes.count {
            guard isWordByte(bytes[start]) else { start += 1; continue }
            var end = start
            while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
            if words.contains(Array(bytes[start..<end])) { return true }
            start = end
        }
        return false
    }

    package static func bytes(_ bytes: [UInt8], contain needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return needle.isEmpty }
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == first && bytes[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
