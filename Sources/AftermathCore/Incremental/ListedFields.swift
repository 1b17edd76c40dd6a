extension Document {
    /// The front-matter fields listings read (`ItemRow`, `ListQuery`, `BugLink`): what the
    /// summary keeps of each document so `list` need not read them. Of `incident`, only when
    /// it was declared.
    var listedEntries: [Node.Entry] {
        (frontMatter.objectEntries ?? []).compactMap { entry in
            guard Self.listedFieldNames.contains(entry.key) else { return nil }
            guard entry.key == "incident", let fields = entry.value.objectEntries else { return entry }
            let declared = fields.filter { $0.key == "declared_at" }
            return Node.Entry(key: entry.key, keyLocation: entry.keyLocation, value: Node(.object(declared), at: entry.value.location))
        }
    }

    static let listedFieldNames: Set<String> = ["id", "kind", "status", "owner", "authors", "due", "title", "severity", "category",
                                                "bug", "bugs", "postmortem", "finding", "incident"]
}
