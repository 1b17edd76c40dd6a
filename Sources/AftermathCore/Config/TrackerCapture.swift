/// Named-group extraction for tracker URL templates. `LinearRegex` decides whether a reference
/// matches; captures come from Swift's `Regex`, which backtracks, so it only ever sees short
/// references that already matched the tracker's (trusted, configured) pattern.
enum TrackerCapture {
    static let maxReferenceLength = 200

    static func extract(pattern: String, names: [String], from reference: String) -> [(String, String)]? {
        if names.isEmpty { return [] }
        guard reference.count <= maxReferenceLength, let regex = try? Regex(pattern),
              let match = try? regex.firstMatch(in: reference) else { return nil }
        return names.compactMap { name in
            match.output[name]?.substring.map { (name, String($0)) }
        }
    }
}
