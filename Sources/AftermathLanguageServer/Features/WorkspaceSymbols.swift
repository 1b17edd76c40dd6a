/// `workspace/symbol`: every document by ID and title, those containing the query (ignoring case).
enum WorkspaceSymbols {
    static func symbols(_ state: RepositoryState, query: String, limit: Int = 1000) -> [SymbolInformation] {
        let query = query.lowercased()
        var found: [SymbolInformation] = []
        for document in state.documents {
            let name = "\(document.id) \(document.title ?? "")"
            guard query.isEmpty || name.lowercased().contains(query) else { continue }
            let start = Position(line: 0, character: 0)
            found.append(SymbolInformation(name: name, kind: .file,
                                           location: Location(uri: DocumentURI.uri(bytes: state.absolutePath(document.path)), range: TextRange(start: start, end: start)),
                                           containerName: document.kind.rawValue))
            if found.count == limit { break }
        }
        return found
    }
}
