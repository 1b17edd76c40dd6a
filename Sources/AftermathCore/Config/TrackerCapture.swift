import Foundation

/// Named-group extraction for tracker URL templates. `LinearRegex` decides whether a reference
/// matches; captures come from Swift's `Regex`, which backtracks, so it only ever sees short
/// references that already matched the tracker's (trusted, configured) pattern.
final class TrackerCapture: @unchecked Sendable {
    static let maxReferenceLength = 200

    /// Compiled once per tracker (compiling a `Regex` costs far more than matching it).
    private let regex: Regex<AnyRegexOutput>?
    private let lock = NSLock()

    init(pattern: String) { regex = try? Regex(pattern) }

    func extract(names: [String], from reference: String) -> [(String, String)]? {
        if names.isEmpty { return [] }
        // `Regex` values are not documented as safe to share between threads.
        lock.lock()
        defer { lock.unlock() }
        guard reference.count <= Self.maxReferenceLength, let regex,
              let match = try? regex.firstMatch(in: reference) else { return nil }
        return names.compactMap { name in
            match.output[name]?.substring.map { (name, String($0)) }
        }
    }
}
