/// Field names with a number each, looked up by length first: a string's length is read
/// inline, while comparing two different strings calls into the runtime, and a lookup meets
/// many names that are not the one it looks for. Schemas' `properties` and the summary's
/// listed field codes are looked up so, once per field of every document read.
struct NameTable: Sendable {
    private var byLength: [[(name: String, value: Int)]] = []
    /// Each name once, with its number, in the order given.
    private(set) var pairs: [(name: String, value: Int)] = []
    var count: Int { pairs.count }

    /// The first of each name counts, as in a scan of `pairs`.
    init(_ pairs: [(name: String, value: Int)]) {
        for (name, value) in pairs {
            let length = name.utf8.count
            if length >= byLength.count { byLength += Array(repeating: [], count: length + 1 - byLength.count) }
            if !byLength[length].contains(where: { $0.name == name }) {
                byLength[length].append((name, value))
                self.pairs.append((name, value))
            }
        }
    }

    /// Each name numbered by its position.
    init(_ names: [String]) { self.init(names.enumerated().map { ($1, $0) }) }

    func value(of name: String) -> Int? {
        let length = name.utf8.count
        guard length < byLength.count else { return nil }
        for candidate in byLength[length] where candidate.name == name { return candidate.value }
        return nil
    }

    func contains(_ name: String) -> Bool { value(of: name) != nil }
}
