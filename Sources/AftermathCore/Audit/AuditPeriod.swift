/// The dates an audit covers, both included, in UTC: an incident belongs to it when it was
/// declared on one of them.
public struct AuditPeriod: Sendable, Equatable {
    /// `YYYY-MM-DD` as given.
    public let from: String
    public let to: String
    let start: Timestamp
    /// Midnight after `to`: the period's end, not included.
    let end: Timestamp

    /// Nil when a date is not a date or the period runs backwards (`problem` says which).
    public init?(from: String, to: String) {
        guard Self.problem(from: from, to: to) == nil, let start = Timestamp.parseDate(from), let last = Timestamp.parseDate(to) else { return nil }
        self.from = from
        self.to = to
        self.start = start
        end = Timestamp(secondsSinceEpoch: last.secondsSinceEpoch + 86_400)
    }

    /// What is wrong with the dates, as a usage message; nil when they make a period.
    public static func problem(from: String, to: String) -> String? {
        guard let start = Timestamp.parseDate(from) else { return "--from must be a date like 2026-01-01, not `\(from)`" }
        guard let last = Timestamp.parseDate(to) else { return "--to must be a date like 2026-12-31, not `\(to)`" }
        if last < start { return "the period runs backwards: --from \(from) is after --to \(to)" }
        return nil
    }

    public func contains(_ time: Timestamp) -> Bool { time >= start && time < end }
}
