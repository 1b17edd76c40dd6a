extension Document {
    /// The front-matter fields listings read (`ItemRow`, `ListQuery`, `BugLink`): what the
    /// summary keeps of each document so `list` need not read them. Of `incident`, only when
    /// it was declared.
    var listedEntries: [Node.Entry] {
        (frontMatter.objectEntries ?? []).compactMap { entry in
            guard ListedFieldNames.code(entry.key) != nil, entry.key != "declared_at" else { return nil }
            guard entry.key == "incident", let fields = entry.value.objectEntries else { return entry }
            let declared = fields.filter { $0.key == "declared_at" }
            return Node.Entry(key: entry.key, keyLocation: entry.keyLocation, value: Node(.object(declared), at: entry.value.location))
        }
    }
}

/// The names of the listed fields (and of `incident`'s one kept field): the summary writes
/// each as one byte, its position here.
enum ListedFieldNames {
    static let all = ["id", "kind", "status", "owner", "authors", "due", "title", "severity", "category",
                      "bug", "bugs", "postmortem", "finding", "incident", "declared_at"]
    /// A scan rather than a hash: fifteen short names compare faster than one is hashed.
    static func code(_ name: String) -> UInt8? { all.firstIndex(of: name).map(UInt8.init) }
    /// Marks a name outside the table, written out after it.
    static let other: UInt8 = 0xFF
}
