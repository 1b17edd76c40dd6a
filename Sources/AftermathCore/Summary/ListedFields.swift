/// The names of the listed fields (and of `incident`'s kept fields): the summary writes each
/// as one byte, its position here. Names are only ever added at the end (with a new format
/// version), so a code keeps its meaning.
enum ListedFieldNames {
    static let all = ["id", "kind", "status", "owner", "authors", "due", "title", "severity", "category",
                      "bug", "bugs", "postmortem", "finding", "incident", "declared_at",
                      "resolved_at", "tags", "related", "started_at", "detected_at", "contained_at", "recovered_at"]
    static let incident: UInt8 = 13
    /// `incident`'s fields that are kept: those the figures and due-date columns use
    /// (`declared_at`, `started_at`, `detected_at`, `contained_at`, `recovered_at`).
    static func isIncidentTime(_ code: UInt8) -> Bool { code == 14 || (18...21).contains(code) }
    /// Looked up by length, which leaves one to three names to compare, where a scan compared
    /// all of them (every field of every document is looked up here when a summary is written).
    private static let codes = NameTable(all)
    static func code(_ name: String) -> UInt8? { codes.value(of: name).map(UInt8.init) }
    /// Marks a name outside the table, written out after it.
    static let other: UInt8 = 0xFF
}

/// A document's listed fields as a summary holds them (`SummaryFile.listedDocument`): read in
/// place when asked, a field at a time, so a listing builds only what it shows. The bytes are
/// the summary's mapped file, which the document keeps alive (see `ListedDocument`); holding them as
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
