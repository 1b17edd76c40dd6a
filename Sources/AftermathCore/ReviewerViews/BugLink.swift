/// A bug reference with the tracker that recognises it and the URL it resolves to.
public struct BugLink: Sendable, Equatable {
    public var reference: String
    public var tracker: String?
    public var url: String?
    /// The tracker's state of the issue at the last `aftermath bugs --refresh`, if kept.
    public var state: TrackerState?

    public static func links(of document: some DocumentFields, trackers: TrackerSet) -> [BugLink] {
        let references = document.field("bugs")?.stringList ?? document.field("bug")?.stringList ?? []
        return references.map { reference in
            let tracker = trackers.tracker(for: reference)
            return BugLink(reference: reference, tracker: tracker?.name, url: tracker?.url(for: reference), state: trackers.states[reference])
        }
    }

    public var json: JSONText {
        var fields: [(String, JSONText)] = [("ref", .string(reference)), ("tracker", .optional(tracker)), ("url", .optional(url))]
        // Only with a kept state, so output without one stays as it was.
        if let state {
            fields.append(("state", .object([("state", .string(BugListing.Filter.stateWord(state))), ("status", .string(state.status)),
                                              ("resolution", .optional(state.resolution)), ("fetched_at", .string(state.fetchedAt.rfc3339))])))
        }
        return .object(fields)
    }

    /// `JIRA:SEC-1 <https://…>` or just the reference, then the kept state: `(closed: Done, Fixed)`.
    public var text: String { (url.map { "\(reference) <\($0)>" } ?? reference) + stateSuffix }

    /// The reference with its kept state, for tables and reports: `JIRA:SEC-1 (open)`.
    public var label: String { reference + stateSuffix }

    private var stateSuffix: String { state.map { " (\($0.summary))" } ?? "" }
}
