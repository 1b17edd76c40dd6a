/// The `notification` block of a data breach's postmortem: the notices sent to customers, the
/// first and any follow-ups, in the order they were sent (or are to be sent).
///
/// `customers_notified_at` stays the time customers were first told: with a block, the first
/// notice's `sent_at` is that same moment (`NotificationRecordRule` reports a difference), and
/// `aftermath notify --sent-at` writes both.
public struct BreachNotification: Sendable {
    public let notices: [Notice]
    /// Where the block is written (its key).
    public let location: SourceLocation

    /// The block of a postmortem; nil when it has none (or it is not a mapping with a list of notices).
    public init?(_ postmortem: Document) {
        guard postmortem.kind == .postmortem, let block = postmortem.field(Self.field),
              let items = block["notices"]?.arrayValue else { return nil }
        notices = items.enumerated().map { Notice(number: $0.offset + 1, node: $0.element) }
        location = postmortem.location(of: Self.field)
    }

    /// The front-matter field holding the block.
    public static let field = "notification"

    public var first: Notice? { notices.first }

    /// The notices sent, in order.
    public var sent: [Notice] { notices.filter(\.isSent) }

    /// The notice to send next: the first one without `sent_at`.
    public var nextToSend: Notice? { notices.first { !$0.isSent } }

    /// The notice after `notice` in the list, if any.
    public func notice(after notice: Notice) -> Notice? {
        notices.indices.contains(notice.number) ? notices[notice.number] : nil
    }

    /// When customers of a breach were first told, and where that is written:
    /// `customers_notified_at`, else the first notice's `sent_at`.
    public static func firstNotified(_ postmortem: Document) -> (text: String, time: Timestamp, location: SourceLocation)? {
        if let text = postmortem.string("customers_notified_at") {
            return Timestamp.parseDateTime(text).map { (text, $0, postmortem.location(of: "customers_notified_at")) }
        }
        guard let first = BreachNotification(postmortem)?.first, let text = first.sentAtText, let time = first.sentAt else { return nil }
        return (text, time, first.location(of: .sentAt))
    }
}
