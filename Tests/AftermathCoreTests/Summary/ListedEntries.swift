@testable import AftermathCore

extension Document {
    /// The listed fields as node entries, built the plain way: the reference the summary's
    /// writer (`ByteWriter.listedFields`, which writes them without building them) must match.
    /// Of `incident`, only its timestamps.
    var listedEntries: [Node.Entry] {
        (frontMatter.objectEntries ?? []).compactMap { entry in
            guard let code = ListedFieldNames.code(entry.key), !ListedFieldNames.isIncidentTime(code) else { return nil }
            guard code == ListedFieldNames.incident, let fields = entry.value.objectEntries else { return entry }
            let times = fields.filter { ListedFieldNames.code($0.key).map(ListedFieldNames.isIncidentTime) ?? false }
            return Node.Entry(key: entry.key, keyLocation: entry.keyLocation, value: Node(.object(times), at: entry.value.location))
        }
    }
}
