extension Document {
    /// The front-matter fields listings and the review report read (`ItemRow`, `ListQuery`,
    /// `BugLink`, `ReviewReport`, `IncidentFigures`): what the summary keeps of each document
    /// so `list`, `digest` and `report` need not read them. Of `incident`, only its timestamps.
    var listedEntries: [Node.Entry] {
        (frontMatter.objectEntries ?? []).compactMap { entry in
            guard ListedFieldNames.code(entry.key) != nil, !ListedFieldNames.incidentTimes.contains(entry.key) else { return nil }
            guard entry.key == "incident", let fields = entry.value.objectEntries else { return entry }
            let times = fields.filter { ListedFieldNames.incidentTimes.contains($0.key) }
            return Node.Entry(key: entry.key, keyLocation: entry.keyLocation, value: Node(.object(times), at: entry.value.location))
        }
    }
}

/// The names of the listed fields (and of `incident`'s kept fields): the summary writes each
/// as one byte, its position here. Names are only ever added at the end (with a new format
/// version), so a code keeps its meaning.
enum ListedFieldNames {
    static let all = ["id", "kind", "status", "owner", "authors", "due", "title", "severity", "category",
                      "bug", "bugs", "postmortem", "finding", "incident", "declared_at",
                      "resolved_at", "tags", "related", "started_at", "detected_at", "contained_at", "recovered_at"]
    /// `incident`'s fields that are kept: those the figures and due-date columns use.
    static let incidentTimes: Set<String> = ["started_at", "detected_at", "declared_at", "contained_at", "recovered_at"]
    /// A scan rather than a hash: a score of short names compare faster than one is hashed.
    static func code(_ name: String) -> UInt8? { all.firstIndex(of: name).map(UInt8.init) }
    /// Marks a name outside the table, written out after it.
    static let other: UInt8 = 0xFF
}

/// A document's listed fields as a summary holds them (`SummaryFile.listedDocument`): read in
/// place when asked, a field at a time, so a listing builds only what it shows. The bytes are
/// the summary's mapped file, which the document keeps alive (see `Document`); holding them as
/// a plain pointer spares a reference count per field read (contended between threads).
struct ListedRecord: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    /// The field `key`, read alone.
    func field(_ key: String) -> Node? {
        var reader = ByteReader(bytes)
        return reader.field(key)
    }

    /// Every field, as the document's front matter (positions are not kept).
    var node: Node {
        var reader = ByteReader(bytes)
        return reader.node() ?? Node(.object([]))
    }
}
