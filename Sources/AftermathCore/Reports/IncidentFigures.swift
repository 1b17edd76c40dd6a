/// Durations of an incident from its timestamps. Time to detect runs from `started_at` (when
/// the fault began, if known) to `detected_at`; time to contain and to recover run from
/// `detected_at`, the moment the organisation could act.
public struct IncidentFigures: Sendable {
    public var detect: Double?
    public var contain: Double?
    public var recover: Double?

    public init(_ postmortem: some DocumentFields) {
        func stamp(_ key: String) -> Timestamp? { postmortem.field("incident")?[key]?.stringValue.flatMap(Timestamp.parseDateTime) }
        let started = stamp("started_at"), detected = stamp("detected_at")
        func span(_ from: Timestamp?, _ to: Timestamp?) -> Double? {
            guard let from, let to else { return nil }
            return to.secondsSinceEpoch - from.secondsSinceEpoch
        }
        detect = span(started, detected)
        contain = span(detected, stamp("contained_at"))
        recover = span(detected, stamp("recovered_at"))
    }

    /// `2h 05m`, `3d 4h`, `45m`, or `—`.
    public static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds >= 0 else { return "—" }
        let minutes = Int(seconds / 60)
        if minutes < 60 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 48 { return "\(hours)h \(minutes % 60 < 10 ? "0" : "")\(minutes % 60)m" }
        return "\(hours / 24)d \(hours % 24)h"
    }
}
