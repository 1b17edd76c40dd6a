import AftermathCore
import AftermathGit

/// `aftermath notify`: the draft of a breach's next notice to customers, and the record that
/// it was sent. Nothing is ever sent from here.
extension Workspace {
    /// The draft of the postmortem's next notice: the first of its `notification` block not yet
    /// sent, or, without a block, a first notice from the postmortem alone (placeholders for the rest).
    public func noticeDraft(_ id: String, format: NoticeDraft.Format, choice: SnapshotChoice = .workingTree,
                            today: Timestamp) throws -> NoticeDraft {
        let session = try edit(choice: choice, today: today, validating: false)
        let postmortem = try Self.breach(id, in: session)
        guard let notification = BreachNotification(postmortem) else {
            return NoticeDraft(postmortem: postmortem, notice: nil, previous: nil, format: format)
        }
        guard let next = notification.nextToSend else {
            throw WorkspaceError.usage("every notice of \(postmortem.id) is already sent (\(notification.notices.count)); add the next one under `notification.notices` to draft it")
        }
        let previous = next.number > 1 ? notification.notices[next.number - 2] : nil
        return NoticeDraft(postmortem: postmortem, notice: next, previous: previous, format: format)
    }

    /// What recording a notice's sending did, or would have done.
    public struct NoticeRecord: Sendable {
        public var postmortem: String
        public var path: RepositoryPath
        /// The notice marked sent; nil for a postmortem without a `notification` block.
        public var notice: Int?
        /// The fields written.
        public var fields: [String]
        /// Errors the edit would bring: when there are any, nothing was written.
        public var errors: [Diagnostic]
        /// The edited file (what was written, or would be with no errors).
        public var edited: [UInt8]
    }

    /// Records that the postmortem's next notice was sent at `sentAt` (RFC 3339), with the same
    /// surgical, atomic edit as `set`: validated first, refused when it would bring errors or
    /// when the file changed since it was read.
    public func recordNoticeSent(_ id: String, at sentAt: String, today: Timestamp, writing: Bool = true,
                                 commit: Bool = false) throws -> NoticeRecord {
        guard let time = Timestamp.parseDateTime(sentAt) else {
            throw WorkspaceError.usage("--sent-at `\(sentAt)` is not an RFC 3339 date and time like 2026-09-16T15:30:00Z")
        }
        guard time.secondsSinceEpoch < today.secondsSinceEpoch + 86_400 else {
            throw WorkspaceError.usage("--sent-at \(sentAt) is after today (\(today.dateString)); record a notice once it is sent")
        }
        let session = try edit(today: today)
        let postmortem = try Self.breach(id, in: session)
        let original = try session.bytes(of: postmortem)
        let sending: NoticeSending
        do {
            sending = try NoticeSending(postmortem: postmortem, original: original, sentAt: sentAt)
        } catch let error as EditError {
            throw WorkspaceError.usage("\(postmortem.path): \(error)")
        } catch let error as NotificationError {
            throw WorkspaceError.usage(error.description)
        }
        let check = try session.check([postmortem.path: sending.edited], committing: commit)
        let errors = (check.newErrors(in: [postmortem.path]) + check.newTransitionErrors()).sortedForReport()
        var record = NoticeRecord(postmortem: postmortem.id, path: postmortem.path, notice: sending.notice, fields: sending.fields,
                                  errors: errors, edited: sending.edited)
        guard errors.isEmpty, writing else { return record }
        let what = sending.notice.map { "notice \($0)" } ?? "customers notified"
        try session.write(postmortem, original: original, edited: sending.edited,
                          commitMessage: commit ? "notify \(postmortem.id): \(what) sent at \(sentAt)" : nil)
        record.errors = []
        return record
    }

    /// The postmortem `id` if it is a data breach; a usage failure otherwise.
    private static func breach(_ id: String, in session: EditSession) throws -> Document {
        let postmortem = try session.document(id, kind: .postmortem)
        guard postmortem.field("data_breach")?.boolValue == true else {
            throw WorkspaceError.usage("\(postmortem.id) is not a data breach (`data_breach` is not true): customers are notified of breaches only")
        }
        return postmortem
    }
}
