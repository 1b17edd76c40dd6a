/// `evidence.json`: the facts for machines, in the shape `schema/audit-evidence.schema.json`
/// documents. Fields are never renamed; new ones may be added (with `version` unchanged).
public enum AuditJSON {
    public static func render(_ e: AuditEvidence) -> String {
        let s = e.summary
        let map = AuditControlMap(e)
        let object: JSONText = .object([
            ("version", .int(1)),
            ("period", .object([("from", .string(e.period.from)), ("to", .string(e.period.to))])),
            ("commit", commit(e.commit)),
            ("as_of", .string(e.asOf)),
            ("notification_hours", .int(e.notificationHours)),
            ("frameworks", .array(e.frameworks.map { .string($0.rawValue) })),
            ("selection", .object([
                ("declared", .int(e.selection.declared)),
                ("sample", e.selection.sample.map(JSONText.int) ?? .null),
                ("seed", .optional(e.selection.seed)),
                ("method", .string(e.selection.sample == nil ? "every incident declared in the period" : AuditSample.method)),
                ("incidents", .array(e.incidents.map { .string($0.id) })),
            ])),
            ("uncommitted", .array(e.uncommitted.map(JSONText.string))),
            ("summary", .object([
                ("incidents", .int(s.incidents)), ("breaches", .int(s.breaches)), ("notifications_on_time", .int(s.notificationsOnTime)),
                ("postmortems_approved", .int(s.postmortemsApproved)), ("items_done", .int(s.itemsDone)),
                ("items_done_on_time", .int(s.itemsDoneOnTime)), ("items_overdue", .int(s.itemsOverdue)), ("exceptions", .int(s.exceptions)),
            ])),
            ("incidents", .array(e.incidents.map(incident))),
            ("exceptions", .array(e.exceptions.map(exception))),
            ("controls", .array(map.controls.map { entry in
                .object([
                    ("framework", .string(entry.control.framework.rawValue)), ("id", .string(entry.control.id)),
                    ("title", .string(entry.control.title)), ("formerly", .array(entry.control.formerly.map(JSONText.string))),
                    ("evidence", .array(entry.rows.map { .object([("incident", .string($0.incident)), ("kind", .string($0.kind.rawValue)),
                                                                  ("detail", .string($0.detail)), ("commit", .optional($0.commit))]) })),
                    ("exceptions", .array(entry.exceptions.map(JSONText.int))),
                ])
            })),
            ("commits", .array(e.commits.map(commit))),
        ])
        return object.rendered() + "\n"
    }

    static func commit(_ c: CitedCommit) -> JSONText {
        .object([("id", .string(c.id)), ("author", .string(c.author)), ("email", .string(c.email)), ("time", .string(c.time)),
                 ("summary", .string(c.summary)), ("signature", .optional(c.signature))])
    }

    static func exception(_ x: AuditException) -> JSONText {
        .object([("kind", .string(x.kind.rawValue)), ("evidence", .string(x.kind.evidence.rawValue)), ("incident", .optional(x.incident)),
                 ("document", .optional(x.document)), ("commit", .optional(x.commit)), ("message", .string(x.message))])
    }

    static func notice(_ n: IncidentEvidence.Notice) -> JSONText {
        let hours: JSONText = n.hoursAfterDeclared.map { .double(($0 * 100).rounded() / 100) } ?? .null
        let parts: JSONText = n.parts.map { .array($0.map(JSONText.string)) } ?? .null
        return .object([
            ("number", .int(n.number)), ("source", .string(n.source)), ("sent_at", .optional(n.sentAt)), ("deadline", .optional(n.deadline)),
            ("hours_after_declared", hours), ("on_time", n.onTime.map(JSONText.bool) ?? .null), ("commit", .optional(n.commit)),
            ("recipients", .optional(n.recipients)), ("parts", parts), ("next_update_by", .optional(n.nextUpdateBy)),
        ])
    }

    static func incident(_ i: IncidentEvidence) -> JSONText {
        func transition(_ t: IncidentEvidence.Transition?) -> JSONText {
            t.map { .object([("time", .string($0.time)), ("commit", .string($0.commit)), ("author", .string($0.author))]) } ?? .null
        }
        let a = i.approval
        return .object([
            ("id", .string(i.id)), ("title", .string(i.title)), ("severity", .string(i.severity)), ("status", .string(i.status)),
            ("path", .string(i.path)), ("authors", .array(i.authors.map(JSONText.string))),
            ("facts", .array(i.facts.map { .object([("name", .string($0.name)), ("value", .optional($0.value)), ("commit", .optional($0.commit))]) })),
            ("data_breach", .bool(i.breach)),
            ("notification_deadline", .optional(i.notificationDeadline)),
            ("notices", .array(i.notices.map(notice))),
            ("published", transition(i.published)),
            ("closed", transition(i.closed)),
            ("closed_by", .optional(i.closedBy)),
            ("approval", .object([("approved_by", .optional(a.approvedBy)), ("commit", .optional(a.commit)), ("time", .optional(a.time)), ("committer", .optional(a.committer)),
                                  ("committer_handle", .optional(a.committerHandle)), ("committed_by_author", .bool(a.committedByAuthor)),
                                  ("committed_by_approver", .bool(a.committedByApprover))])),
            ("findings", .array(i.findings.map { f in
                .object([("id", .string(f.id)), ("title", .string(f.title)), ("category", .string(f.category)), ("owner", .string(f.owner)),
                         ("status", .string(f.status)), ("bugs", .array(f.bugs.map(JSONText.string))), ("commit", .optional(f.commit))])
            })),
            ("remediations", .array(i.items.map { r in
                .object([("id", .string(r.id)), ("finding", .string(r.finding)), ("title", .string(r.title)), ("owner", .string(r.owner)),
                         ("status", .string(r.status)), ("due", .optional(r.due)), ("resolved_at", .optional(r.resolvedAt)),
                         ("done_at", .optional(r.doneAt)), ("done_commit", .optional(r.doneCommit)), ("outcome", .string(r.outcome.rawValue)),
                         ("days_late", r.daysLate.map(JSONText.int) ?? .null),
                         ("due_slips", .array(r.slips.map { .object([("commit", .string($0.commit)), ("from", .string($0.from)), ("to", .string($0.to)), ("days", .int($0.days))]) }))])
            })),
            ("reopenings", .array(i.reopenings.map { .object([("time", .string($0.time)), ("commit", .string($0.commit)), ("author", .string($0.author)), ("reason", .optional($0.reason))]) })),
            ("changes_after_closing", .array(i.changesAfterClosing.map { .object([("time", .string($0.time)), ("commit", .string($0.commit)), ("author", .string($0.author)),
                                                                                 ("document", .string($0.document)), ("summary", .string($0.summary))]) })),
        ])
    }
}
