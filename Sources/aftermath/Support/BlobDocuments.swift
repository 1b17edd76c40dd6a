import AftermathCore

/// Documents of git snapshots, each blob parsed once however many commits hold it: what
/// history and the report's timeline need when they walk every commit.
struct BlobDocuments {
    let ruleset: Ruleset
    private var parsed: [String: Document?] = [:]

    init(ruleset: Ruleset) { self.ruleset = ruleset }

    /// The document at `path` in `snapshot`, or nil (no such file, no blob ID, or not a document).
    mutating func document(at path: String, in snapshot: Snapshot) throws -> Document? {
        guard let blob = snapshot.contentID(path) else { return nil }
        let key = path + "\u{0}" + blob
        if let cached = parsed[key] { return cached }
        let bytes = try snapshot.read(path, upTo: ruleset.configuration.limits.maxFileBytes + 1) ?? []
        let document = DocumentParser.parse(path: path, bytes: bytes, ruleset: ruleset).document
        parsed[key] = document
        return document
    }

    /// Every document under the configured roots.
    mutating func documents(in snapshot: Snapshot) throws -> [Document] {
        var documents: [Document] = []
        for root in ruleset.configuration.roots {
            for path in try snapshot.files(under: root) where path.hasSuffix(".md") {
                if let document = try document(at: path, in: snapshot) { documents.append(document) }
            }
        }
        return documents
    }
}
