/// Kept tracker states for rule examples: a file in the example overlay, at the place the
/// tool keeps them, which tests load into the ruleset (`RuleExamples.ruleset(_:)`).
extension RuleExamples {
    public static let trackerStatesPath = ".git/aftermath/tracker-states-v\(TrackerStates.formatVersion)"

    /// When the examples' states were fetched: the day before `today`.
    static let fetchedAt = Timestamp.parseDateTime("2026-03-09T08:00:00Z") ?? Timestamp(secondsSinceEpoch: 0)

    /// An overlay holding these states.
    public static func keeping(_ states: [TrackerState]) -> [String: String] {
        [trackerStatesPath: String(decoding: TrackerStates(states).encoded(), as: UTF8.self)]
    }

    /// The example's bug as the tracker gives it.
    static func state(_ reference: String, open: Bool, status: String, resolution: String? = nil,
                      closedAt: String? = nil, fetchedAt: Timestamp = fetchedAt) -> TrackerState {
        TrackerState(reference: reference, tracker: "jira", fetchedAt: fetchedAt, exists: true, isOpen: open, status: status,
                     resolution: resolution, assignee: "Bob Okafor", updated: closedAt ?? "2026-03-02T09:00:00Z", closedAt: closedAt)
    }

    /// The states an example's files hold, if any.
    public static func keptStates(in files: [String: String]) -> TrackerStates? {
        files[trackerStatesPath].flatMap { TrackerStates(decoding: Array($0.utf8)) }
    }

    /// The ruleset of an example's files, with the states they hold (staleness judged on `today`).
    public static func ruleset(_ files: [String: String]) throws -> Result<Ruleset, ConfigurationError> {
        let loaded = try RulesetLoader.load(from: InMemorySnapshot(files: files))
        guard let states = keptStates(in: files), let today = Timestamp.parseDate(today) else { return loaded }
        return loaded.map { $0.keeping(states, today: today) }
    }

    /// The remediation item with a bug of its own.
    static func remediationWithBug(status: String) -> [String: String] {
        edit(remediationPath, "status: open", "bug: JIRA:OPS-13\n" + status)
    }
}
