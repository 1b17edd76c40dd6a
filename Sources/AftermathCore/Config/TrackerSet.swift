/// Bug trackers: each turns a reference such as `JIRA:SEC-123` into a URL.
public struct Tracker: Sendable {
    public var name: String
    public var pattern: String
    public var urlTemplate: String
    /// How to reach the tracker's API; nil when only links are made.
    public var api: TrackerAPI?
    private let regex: LinearRegex
    private let captureNames: [String]
    private let capture: TrackerCapture

    /// - Throws: `LinearRegex.CompileError` when the pattern cannot be used.
    public init(name: String, pattern: String, url: String) throws {
        self.name = name
        self.pattern = pattern
        self.urlTemplate = url
        // Named groups become `{name}` placeholders; the whole reference is `{ref}`.
        regex = try LinearRegex(pattern)
        captureNames = Tracker.groupNames(in: pattern)
        capture = TrackerCapture(pattern: pattern)
    }

    public func matches(_ reference: String) -> Bool { regex.matches(reference) }

    /// The named groups of a matching reference (`key`, `repo`, `number` …), by name.
    public func fields(of reference: String) -> [String: String]? {
        guard regex.matches(reference), let captures = capture.extract(names: captureNames, from: reference) else { return nil }
        return Dictionary(captures, uniquingKeysWith: { first, _ in first })
    }

    /// The named groups the pattern has.
    public var groupNames: [String] { captureNames }

    /// The reference for an issue known by its fields (`key`, or `repo` and `number` …): the
    /// pattern with each named group replaced by its value, when the rest of the pattern is
    /// plain text (as in `^JIRA:(?<key>…)$`) and the result matches; nil otherwise.
    public func reference(_ fields: [String: String]) -> String? {
        var scalars = Array(pattern.unicodeScalars)
        if scalars.first == "^" { scalars.removeFirst() }
        if scalars.last == "$" { scalars.removeLast() }
        var out = "", i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "(", i + 2 < scalars.count, scalars[i + 1] == "?", scalars[i + 2] == "<" {
                var j = i + 3, name = ""
                while j < scalars.count, scalars[j] != ">" { name.unicodeScalars.append(scalars[j]); j += 1 }
                var depth = 1
                j += 1
                while j < scalars.count, depth > 0 {
                    if scalars[j] == "\\" { j += 2; continue }
                    if scalars[j] == "(" { depth += 1 } else if scalars[j] == ")" { depth -= 1 }
                    j += 1
                }
                guard let value = fields[name] else { return nil }
                out += value
                i = j
            } else if c == "\\", i + 1 < scalars.count, !PatternText.isLetterOrDigit(scalars[i + 1]) {
                out.unicodeScalars.append(scalars[i + 1])
                i += 2
            } else if "[](){}*+?|.^$\\".unicodeScalars.contains(c) {
                return nil
            } else {
                out.unicodeScalars.append(c)
                i += 1
            }
        }
        return matches(out) ? out : nil
    }

    /// The URL for a matching reference. Each `{group}` is filled from the reference by
    /// taking the named group's text, found by re-matching with `TrackerCapture`.
    public func url(for reference: String) -> String? {
        guard regex.matches(reference) else { return nil }
        guard let captures = capture.extract(names: captureNames, from: reference) else { return nil }
        var values = ["ref": reference]
        for (name, value) in captures { values[name] = value }
        return Self.fill(urlTemplate, values)
    }

    /// The template with each `{name}` that has a value replaced, in one pass (a value is
    /// never itself searched for placeholders).
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
                out += value
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }

    static func groupNames(in pattern: String) -> [String] {
        var names: [String] = []
        var rest = Substring(pattern)
        while let open = rest.firstRange(of: "(?<") {
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: ">") else { break }
            let name = String(after[..<close])
            if !name.hasPrefix("="), !name.hasPrefix("!") { names.append(name) }
            rest = after[close...]
        }
        return names
    }

    public static let defaults: [Tracker] = [
        // swiftlint:disable force_try
        try! Tracker(name: "jira", pattern: "^JIRA:(?<key>[A-Z][A-Z0-9]+-[0-9]+)$", url: "https://jira.example.org/browse/{key}"),
        try! Tracker(name: "github", pattern: "^github:(?<repo>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)#(?<number>[0-9]+)$",
                     url: "https://github.com/{repo}/issues/{number}"),
        try! Tracker(name: "gitlab", pattern: "^gitlab:(?<project>[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+)#(?<number>[0-9]+)$",
                     url: "https://gitlab.com/{project}/-/issues/{number}"),
        // swiftlint:enable force_try
    ]
}

public struct TrackerSet: Sendable {
    public var trackers: [Tracker]
    /// What the trackers last said of referenced issues (`Ruleset.keeping`), so that every
    /// view that links a bug can show its state; empty offline.
    public var states = TrackerStates()

    public init(_ trackers: [Tracker]) { self.trackers = trackers }

    public func tracker(for reference: String) -> Tracker? { firstMatch(reference).map { trackers[$0] } }

    /// A reference some tracker takes that differs from `reference` by its separator or the case
    /// of its prefix (`JIRA-OPS-982`, `jira:OPS-982`, `JIRA OPS-982` → `JIRA:OPS-982`), for "did
    /// you mean"; nil when there is none.
    public func nearMiss(_ reference: String) -> String? {
        let scalars = Array(reference.unicodeScalars)
        var candidates: [String] = []
        for (i, scalar) in scalars.enumerated() where ":-_ /#.".unicodeScalars.contains(scalar) {
            let prefix = String(String.UnicodeScalarView(scalars[..<i])), rest = String(String.UnicodeScalarView(scalars[(i + 1)...]))
            for head in [prefix, prefix.uppercased(), prefix.lowercased()] { candidates.append(head + ":" + rest) }
        }
        return candidates.first { $0 != reference && knows($0) }
    }

    /// Whether some tracker takes `reference`, without copying one out.
    public func knows(_ reference: String) -> Bool { firstMatch(reference) != nil }

    /// The position of the first tracker taking `reference`. Each is asked in place: iterating
    /// copies a tracker, retaining everything it holds (every bug reference is asked, on each run).
    private func firstMatch(_ reference: String) -> Int? {
        trackers.withUnsafeBufferPointer { trackers in
            for i in trackers.indices where trackers[i].matches(reference) { return i }
            return nil
        }
    }

    public func url(for reference: String) -> String? { tracker(for: reference)?.url(for: reference) }
}

/// ASCII letters and digits, for telling a regex escape (`\d`) from an escaped character (`\#`).
private enum PatternText {
    static func isLetterOrDigit(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
    }
}
