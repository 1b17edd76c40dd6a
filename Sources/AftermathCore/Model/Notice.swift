/// One notice to the customers of a data breach, an item of the postmortem's
/// `notification.notices`. Without `sent_at` it is still to be sent (`aftermath notify`
/// drafts it and records its sending).
public struct Notice: Sendable {
    /// The fields a notice can have, by their names in the front matter.
    public enum Part: String, CaseIterable, Sendable {
        case sentAt = "sent_at"
        case recipients
        case nature
        case impact
        case mitigation
        case nextSteps = "next_steps"
        case nextUpdateBy = "next_update_by"

        /// What the first notice of a published breach must say (with `sent_at`).
        public static let content: [Part] = [.recipients, .nature, .impact, .mitigation]
        /// What a notice says while the investigation is open: what comes next, and by when.
        public static let followUp: [Part] = [.nextSteps, .nextUpdateBy]
    }

    /// Who was told: a number of customers or named groups of them.
    public enum Recipients: Sendable, Equatable {
        case count(Int)
        case groups([String])
    }

    /// 1 for the first notice.
    public let number: Int
    /// The notice as written (an object when well formed).
    public let node: Node

    public init(number: Int, node: Node) {
        self.number = number
        self.node = node
    }

    public var isFirst: Bool { number == 1 }

    /// Whether the part is there with a value (an empty text or list counts as missing).
    public func has(_ part: Part) -> Bool {
        guard let value = node[part.rawValue] else { return false }
        switch value.value {
        case .null: return false
        case .string(let s): return !s.isEmpty
        case .array(let items): return !items.isEmpty
        default: return true
        }
    }

    /// The parts of `parts` the notice does not have, in the order given.
    public func missing(_ parts: [Part]) -> [Part] { parts.filter { !has($0) } }

    /// Where the part is written (its key), else where the notice starts.
    public func location(of part: Part) -> SourceLocation { node.location(of: part.rawValue) }

    /// Where the notice starts: its first field.
    public var location: SourceLocation { node.objectEntries?.first?.keyLocation ?? node.location }

    public var isSent: Bool { sentAt != nil }

    public var sentAtText: String? { node[Part.sentAt.rawValue]?.stringValue }
    public var sentAt: Timestamp? { sentAtText.flatMap(Timestamp.parseDateTime) }

    public var recipients: Recipients? {
        guard let value = node[Part.recipients.rawValue] else { return nil }
        switch value.value {
        case .integer(let count): return .count(count)
        case .array(let items): return .groups(items.compactMap(\.stringValue))
        default: return nil
        }
    }

    /// A text part as paragraphs or steps: a text is one, a list gives one per item.
    public func texts(_ part: Part) -> [String] {
        guard let value = node[part.rawValue] else { return [] }
        switch value.value {
        case .string(let s): return s.isEmpty ? [] : [s]
        case .array(let items): return items.compactMap(\.stringValue)
        default: return []
        }
    }

    /// Whether a text part was written as a list (steps rather than prose).
    public func isList(_ part: Part) -> Bool { node[part.rawValue]?.arrayValue != nil }

    public var nextUpdateByText: String? { node[Part.nextUpdateBy.rawValue]?.stringValue }

    /// The promised next update: by the end of a date (UTC), or by a date and time.
    public var nextUpdateBy: Promise? { nextUpdateByText.flatMap(Promise.init) }

    /// A promised time of the next update as written, a date or a date and time.
    public struct Promise: Sendable, Equatable {
        public var text: String
        /// The day the promise falls on (midnight UTC): what "overdue" counts days from.
        public var day: Timestamp
        /// The end of the promise: the midnight after a date (excluded), or the time given (included).
        public var deadline: Timestamp
        /// Whether a date was promised rather than a date and time.
        public var isDate: Bool

        public init?(_ text: String) {
            if let date = Timestamp.parseDate(text) {
                day = date
                deadline = Timestamp(secondsSinceEpoch: date.secondsSinceEpoch + 86_400)
                isDate = true
            } else if let time = Timestamp.parseDateTime(text) {
                day = Timestamp(secondsSinceEpoch: (time.secondsSinceEpoch / 86_400).rounded(.down) * 86_400)
                deadline = time
                isDate = false
            } else {
                return nil
            }
            self.text = text
        }

        /// Whether a notice sent at `time` keeps it.
        public func isKept(by time: Timestamp) -> Bool { isDate ? time < deadline : time <= deadline }
    }
}
