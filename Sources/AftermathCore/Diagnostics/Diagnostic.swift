/// A position in a file, 1-based, counted in lines and Unicode scalars as editors show them.
public struct SourceLocation: Codable, Hashable, Sendable, Comparable {
    // 32-bit storage: every value of every document carries two positions.
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    private enum CodingKeys: String, CodingKey { case line, column }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(line: try container.decode(Int.self, forKey: .line), column: try container.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }

    /// Where a problem with the whole file is reported.
    public static let fileStart = SourceLocation(line: 1, column: 1)

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

public enum Severity: String, Codable, Sendable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One problem the user has to fix, at a place in a file. The core only produces these;
/// reporters at the edge turn them into text, JSON or SARIF.
public struct Diagnostic: Codable, Hashable, Sendable {
    public var path: RepositoryPath
    public var location: SourceLocation
    public var severity: Severity
    public var ruleID: String
    public var message: String
    /// Who can unblock it (closure blockers name the owner of the blocking document).
    public var owner: String?
    /// The commit that introduced the problem, when checking a range of commits.
    public var commit: String?

    public init(path: RepositoryPath, location: SourceLocation, severity: Severity, ruleID: String,
                message: String, owner: String? = nil, commit: String? = nil) {
        self.path = path
        self.location = location
        self.severity = severity
        self.ruleID = ruleID
        self.message = message
        self.owner = owner
        self.commit = commit
    }

    /// A diagnostic about a file named by text (configuration, schemas, command-line paths).
    public init(path: String, location: SourceLocation, severity: Severity, ruleID: String,
                message: String, owner: String? = nil, commit: String? = nil) {
        self.init(path: RepositoryPath(path), location: location, severity: severity, ruleID: ruleID,
                  message: message, owner: owner, commit: commit)
    }

    /// Order used by every reporter: by path, then position, then rule, so output is stable.
    public static func reportingOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.path != b.path { return a.path < b.path }
        if a.location != b.location { return a.location < b.location }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return a.message < b.message
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { lazy.filter { $0.severity == .warning }.count }

    /// In reporting order. Diagnostics that mostly arrive in order (a summary's records, then
    /// those of a few re-read documents) are merged rather than sorted whole: the sorted run at
    /// the start is kept and only the rest is sorted into it.
    public func sortedForReport() -> [Diagnostic] {
        var end = 1
        while end < count && !Diagnostic.reportingOrder(self[end], self[end - 1]) { end += 1 }
        guard end < count else { return self }
        let rest = self[end...].sorted(by: Diagnostic.reportingOrder)
        var merged: [Diagnostic] = []
        merged.reserveCapacity(count)
        var i = 0, j = 0
        while i < end && j < rest.count {
            // From the start on ties, as a stable sort would keep them.
            if Diagnostic.reportingOrder(rest[j], self[i]) {
                merged.append(rest[j])
                j += 1
            } else {
                merged.append(self[i])
                i += 1
            }
        }
        merged += self[i..<end]
        merged += rest[j...]
        return merged
    }
}
