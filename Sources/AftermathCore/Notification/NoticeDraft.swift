/// The draft of a notice to the customers of a data breach, made from the postmortem's
/// `notification` block and its incident times, for a person to review and send. Nothing here
/// sends anything. A part the notice does not say yet is a placeholder naming the field to write.
public struct NoticeDraft: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case markdown, text
    }

    /// The postmortem's ID.
    public let postmortem: String
    /// The number of the notice drafted (1 for the first).
    public let number: Int
    /// What the notice does not say yet (shown as placeholders): the parts a notice of its
    /// place needs (`NotificationContentRule`).
    public let missing: [Notice.Part]
    /// Whether the postmortem has a `notification` block at all.
    public let hasBlock: Bool
    /// The draft, ready to be copied into a message once reviewed.
    public let text: String

    /// The draft of `notice` (nil: the first notice of a postmortem without a block).
    public init(postmortem: Document, notice: Notice?, previous: Notice?, format: Format) {
        self.postmortem = postmortem.id
        number = notice?.number ?? 1
        hasBlock = notice != nil
        let wanted: [Notice.Part] = number == 1 ? Notice.Part.content : [.nature]
        missing = notice?.missing(wanted) ?? wanted
        text = Self.render(postmortem: postmortem, notice: notice, number: number, previous: previous, format: format)
    }

    private static func render(postmortem pm: Document, notice: Notice?, number: Int, previous: Notice?, format: Format) -> String {
        var out = Output(format: format)
        let title = pm.title ?? pm.id
        out.line(number == 1 ? "Subject: Security incident notice: \(title)" : "Subject: Update \(number - 1) on the security incident: \(title)")
        out.line("To: \(recipients(notice))")
        out.line("Reference: \(pm.id)\(number > 1 ? ", notice \(number)" : "")")
        if let previous, let sent = previous.sentAtText {
            out.blank()
            out.paragraph("This notice follows our notice of \(readable(sent)).")
        }

        out.heading("What happened")
        out.texts(notice, .nature)
        if number == 1 {
            let incident = pm.field("incident")
            let times = [("we detected it", "detected_at"), ("contained it", "contained_at"), ("recovered", "recovered_at")]
                .compactMap { label, key in incident?[key]?.stringValue.map { "\(label) on \(readable($0))" } }
            if !times.isEmpty { out.paragraph(sentence(times)) }
        }

        if number == 1 || notice?.has(.impact) == true {
            out.heading("What this means for you")
            out.texts(notice, .impact)
        }
        if number == 1 || notice?.has(.mitigation) == true {
            out.heading("What we have done, and what you can do")
            out.texts(notice, .mitigation)
        }
        if notice?.has(.nextSteps) == true || notice?.has(.nextUpdateBy) == true {
            out.heading("What happens next")
            out.texts(notice, .nextSteps)
            out.paragraph(notice?.nextUpdateByText.map { "We will send our next update by \(readable($0))." }
                          ?? placeholder(.nextUpdateBy, number: number))
        }
        return out.text
    }

    /// Who the notice goes to, as the block says.
    private static func recipients(_ notice: Notice?) -> String {
        switch notice?.recipients {
        case .count(let n)?: return "\(grouped(n)) customer\(n == 1 ? "" : "s")"
        case .groups(let groups)?: return groups.joined(separator: ", ")
        case nil: return placeholder(.recipients, number: notice?.number ?? 1)
        }
    }

    static func placeholder(_ part: Notice.Part, number: Int) -> String {
        "[TO WRITE: \(part.rawValue) of notice \(number) in `notification.notices`]"
    }

    /// `1284` as `1,284`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A UTC time as people read it (`2026-09-14 09:41 UTC`); other forms as written.
    static func readable(_ text: String) -> String {
        let b = Array(text.utf8)
        if b.count == 20, b[10] == UInt8(ascii: "T"), b[19] == UInt8(ascii: "Z"), Timestamp.parseDateTime(text) != nil {
            return String(decoding: b[0..<10], as: UTF8.self) + " " + String(decoding: b[11..<16], as: UTF8.self) + " UTC"
        }
        return text
    }

    /// `We detected it on …, contained it on … and recovered on ….`
    private static func sentence(_ parts: [String]) -> String {
        let joined = parts.count > 1 ? parts.dropLast().joined(separator: ", ") + " and " + (parts.last ?? "") : parts[0]
        return "We " + joined.dropFirst(3) + "."
    }

    /// The draft as it is written, line by line, in one of the formats.
    private struct Output {
        let format: Format
        var text = ""

        mutating func line(_ s: String) { text += TerminalSafe.escape(s) + "\n" }
        mutating func blank() { if !text.hasSuffix("\n\n") { text += "\n" } }

        mutating func heading(_ s: String) {
            blank()
            switch format {
            case .markdown: line("## \(s)")
            case .text:
                line(s)
                line(String(repeating: "-", count: s.count))
            }
            blank()
        }

        mutating func paragraph(_ s: String) {
            blank()
            for l in s.split(separator: "\n", omittingEmptySubsequences: false) { line(String(l)) }
        }

        /// A text part as paragraphs, or a list part as one item per line; a placeholder when absent.
        mutating func texts(_ notice: Notice?, _ part: Notice.Part) {
            let texts = notice?.texts(part) ?? []
            if texts.isEmpty {
                paragraph(NoticeDraft.placeholder(part, number: notice?.number ?? 1))
            } else if notice?.isList(part) == true {
                blank()
                for item in texts { line("- " + item.replacingOccurrences(of: "\n", with: " ")) }
            } else {
                for t in texts { paragraph(t.hasSuffix("\n") ? String(t.dropLast()) : t) }
            }
        }
    }
}
