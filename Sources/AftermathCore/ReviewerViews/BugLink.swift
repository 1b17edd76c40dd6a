/// A bug reference with the tracker that recognises it and the URL it resolves to.
public struct BugLink: Sendable, Equatable {
    public var reference: String
    public var tracker: String?
    public var url: String?

    public static func links(of document: Document, trackers: TrackerSet) -> [BugLink] {
        let references = document.field("bugs")?.stringList ?? document.field("bug")?.stringList ?? []
        return references.map { reference in
            let tracker = trackers.tracker(for: reference)
            return BugLink(reference: reference, tracker: tracker?.name, url: tracker?.url(for: reference))
        }
    }

    public var json: JSONText {
        .object([("ref", .string(reference)), ("tracker", .optional(tracker)), ("url", .optional(url))])
    }

    /// `JIRA:SEC-1 <https://…>` or just the reference.
    public var text: String { url.map { "\(reference) <\($0)>" } ?? reference }
}
