/// The people and teams that documents may name (`owners.yml`).
public struct OwnerRegistry: Sendable {
    public struct Person: Sendable, Equatable, Codable {
        public var handle: String
        public var name: String
        public var email: String?
        public var aliases: [String]
        /// Tracker accounts by tracker kind (`jira`, `github`, `gitlab`), for assignees.
        public var accounts: [String: String] = [:]
    }

    public struct Team: Sendable, Equatable, Codable {
        public var handle: String
        public var name: String?
        public var members: [String]
        public var lead: String?
    }

    public enum Owner: Sendable, Equatable {
        case person(Person)
        case team(Team)

        public var handle: String {
            switch self {
            case .person(let p): return p.handle
            case .team(let t): return t.handle
            }
        }
    }

    public private(set) var people: [Person]
    public private(set) var teams: [Team]
    private var byName: [String: Owner] = [:]

    public init(people: [Person] = [], teams: [Team] = []) {
        self.people = people
        self.teams = teams
        for team in teams { byName[team.handle] = .team(team) }
        for person in people {
            for alias in person.aliases { byName[alias] = .person(person) }
            byName[person.handle] = .person(person)
        }
    }

    /// A handle or alias, resolved to its person or team.
    public func resolve(_ name: String) -> Owner? { byName[name] }

    /// Whether `name` is a person, alias or team: a lookup that copies no entry (rules ask it
    /// of every document, on several threads).
    public func knows(_ name: String) -> Bool { byName.index(forKey: name) != nil }

    /// The tracker account (`jira`, `github`, `gitlab`) of the person `name` resolves to.
    public func account(of name: String, kind: String) -> String? {
        guard case .person(let person)? = resolve(name) else { return nil }
        return person.accounts[kind]
    }

    /// The teams `handle` belongs to (after alias resolution).
    public func teams(of handle: String) -> [Team] {
        let canonical = resolve(handle)?.handle ?? handle
        return teams.filter { $0.members.contains { resolve($0)?.handle ?? $0 == canonical } }
    }

    /// The known handle closest to `name`, when it is close enough to be a likely typo.
    public func suggestion(for name: String) -> String? {
        Suggestion.closest(to: name, among: Array(byName.keys))
    }
}

/// "Did you mean …" by edit distance.
public enum Suggestion {
    public static func closest(to name: String, among candidates: [String]) -> String? {
        let limit = max(2, name.count / 3)
        // Among equally close candidates the one sharing the longest start wins: for an ID, one
        // of the same postmortem (`F-2026-003-…` for `F-2026-003-01`).
        var best: (candidate: String, distance: Int, shared: Int)?
        for candidate in candidates.sorted() {
            let d = distance(name.lowercased(), candidate.lowercased())
            guard d <= limit else { continue }
            let shared = zip(name.unicodeScalars, candidate.unicodeScalars).prefix { $0 == $1 }.count
            if best.map({ d < $0.distance || (d == $0.distance && shared > $0.shared) }) ?? true { best = (candidate, d, shared) }
        }
        return best?.candidate
    }

    /// Like `closest(to:among:)` over a large sorted list: typos in IDs keep most of the
    /// prefix, so only the sorted neighbours of the name are compared (bounded work).
    public static func closest(to name: String, amongSorted sorted: [String], window: Int = 16, where include: (String) -> Bool = { _ in true }) -> String? {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < name { low = mid + 1 } else { high = mid }
        }
        let neighbours = sorted[max(0, low - window)..<min(sorted.count, low + window)].filter(include)
        return closest(to: name, among: Array(neighbours))
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// ` (did you mean `x`?)` or the empty string.
    public static func hint(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean `\($0)`?)" } ?? ""
    }
}
