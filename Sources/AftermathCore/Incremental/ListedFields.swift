extension Document {
    /// The front-matter fields listings read (`ItemRow`, `ListQuery`, `BugLink`): what the
    /// summary keeps of each document so `list` need not read them. Of `incident`, only when
    /// it was declared.
    public var listedFields: Node {
        var entries: [Node.Entry] = []
        for entry in frontMatter.objectEntries ?? [] where Self.listedFieldNames.contains(entry.key) {
            if entry.key == "incident", let fields = entry.value.objectEntries {
                let declared = fields.filter { $0.key == "declared_at" }
                entries.append(Node.Entry(key: entry.key, keyLocation: entry.keyLocation, value: Node(.object(declared), at: entry.value.location)))
            } else {
                entries.append(entry)
            }
        }
        return Node(.object(entries), at: frontMatter.location)
    }

    static let listedFieldNames: Set<String> = ["id", "kind", "status", "owner", "authors", "due", "title", "severity", "category",
                                                "bug", "bugs", "postmortem", "finding", "incident"]
}
