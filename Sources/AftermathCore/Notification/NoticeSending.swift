/// The edit that records a notice as sent (`aftermath notify PM --sent-at TIME`): `sent_at` on
/// the first notice of the `notification` block without one, and `customers_notified_at` with
/// it when that notice is the first and the field is not set. A postmortem without a block
/// records the time in `customers_notified_at` alone. Pure: bytes in, bytes out.
public struct NoticeSending: Sendable {
    /// The notice marked sent; nil when the postmortem has no block.
    public let notice: Int?
    /// The fields written, for the message (`notification.notices[0].sent_at`, `customers_notified_at`).
    public let fields: [String]
    public let edited: [UInt8]

    public init(postmortem: Document, original: [UInt8], sentAt: String) throws {
        guard let notification = BreachNotification(postmortem) else {
            guard postmortem.string("customers_notified_at") == nil else {
                throw NotificationError.alreadyRecorded("\(postmortem.id) has no `notification` block and `customers_notified_at` is already set; add the next notice under `notification.notices` to record it")
            }
            notice = nil
            fields = ["customers_notified_at"]
            edited = try FrontMatterEditor.apply([FieldChange("customers_notified_at", .scalar(sentAt))], to: original)
            return
        }
        guard let next = notification.nextToSend else {
            throw NotificationError.alreadyRecorded("every notice of \(postmortem.id) is already sent (\(notification.notices.count)); add the next one under `notification.notices` first")
        }
        var bytes = try FrontMatterEditor.addingFirstField(Notice.Part.sentAt.rawValue, .scalar(sentAt),
                                                           toMappingAt: [.key(BreachNotification.field), .key("notices"), .item(next.number - 1)],
                                                           in: original)
        var written = ["notification.notices[\(next.number - 1)].sent_at"]
        if next.isFirst && postmortem.string("customers_notified_at") == nil {
            bytes = try FrontMatterEditor.apply([FieldChange("customers_notified_at", .scalar(sentAt))], to: bytes)
            written.append("customers_notified_at")
        }
        notice = next.number
        fields = written
        edited = bytes
    }
}

/// Why a notice cannot be drafted or recorded.
public enum NotificationError: Error, Equatable, Sendable, CustomStringConvertible {
    case notABreach(String)
    case alreadyRecorded(String)

    public var description: String {
        switch self {
        case .notABreach(let m), .alreadyRecorded(let m): return m
        }
    }
}
