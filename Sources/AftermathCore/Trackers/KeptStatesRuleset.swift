extension Ruleset {
    /// This ruleset judging with the kept tracker states: those fetched more than
    /// `policies.tracker_state_days` before `today` are marked stale here, once, so that rules
    /// read the states (never the date) and a cached result is reused only under the same
    /// states and the same staleness (both are part of the fingerprint).
    public func keeping(_ states: TrackerStates, today: Timestamp) -> Ruleset {
        guard !states.isEmpty else { return self }
        var ruleset = self
        let cutoff = Timestamp(secondsSinceEpoch: today.secondsSinceEpoch - Double(configuration.trackerStateDays) * 86_400)
        ruleset.trackerStates = states.markingStale(before: cutoff)
        ruleset.fingerprint = Fingerprint.of(words: fingerprint, ruleset.trackerStates.fingerprint, 0x7472_6163_6b65_7273)
        return ruleset
    }
}
