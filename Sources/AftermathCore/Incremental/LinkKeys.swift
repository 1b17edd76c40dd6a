extension Document {
    /// The IDs that tie this document to others both ways: its own and its parent's. Every
    /// repository and transition rule relates documents through these (same ID, parent, child,
    /// grandchild) or through `references`, so documents connected by no chain of shared keys
    /// cannot change each other's diagnostics — what incremental validation relies on.
    public var keys: [String] {
        var keys = [id]
        if let parent = parentID { keys.append(parent) }
        return keys
    }

    /// IDs this document only points at (`related`): its diagnostics depend on whether those
    /// exist and what they are, but nothing about it depends on theirs. Kept apart from `keys`
    /// because chains of related findings join most of a large repository into one component.
    public var references: [String] { frontMatter["related"]?.stringList ?? [] }
}

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
