/// Works out one incident's evidence from its documents at the evidence commit and their
/// versions in history, and the exceptions found on the way.
struct IncidentFacts {
    let pm: Document
    let builder: AuditBuilder
    private(set) var exceptions: [AuditException] = []

    init(postmortem: Document, builder: AuditBuilder) {
        pm = postmortem
        self.builder = builder
    }

    private var index: RepositoryIndex { builder.index }
    private func versions(_ id: String) -> [DocumentVersion] { builder.history.versions[id] ?? [] }

    /// The commit that recorded `value` of document `id` as it is now: the oldest of the
    /// latest run of versions that hold it.
    private func source(_ id: String, _ value: (Document) -> String?) -> String? {
        guard let current = index[id], let target = value(current) else { return nil }
        var found: String?
        for version in versions(id).reversed() {
            guard let document = version.document, value(document) == target else { break }
            found = version.commit.id
        }
        return found
    }

    private func incidentTime(_ key: String) -> String? { pm.field("incident")?[key]?.stringValue }

    mutating func build() -> IncidentEvidence {
        let facts = [("detected", "detected_at"), ("declared", "declared_at"), ("contained", "contained_at"), ("recovered", "recovered_at")].map { name, key in
            IncidentEvidence.Fact(name: name, value: incidentTime(key), commit: source(pm.id) { $0.field("incident")?[key]?.stringValue })
        }
        let breach = pm.field("data_breach")?.boolValue == true
        let (deadline, notices) = breach ? notification() : (nil, [])
        let (published, closed, reopenings) = transitions()
        let findings = index.findings(of: pm.id).sorted { $0.id < $1.id }
        return IncidentEvidence(
            id: pm.id, title: pm.title ?? "", severity: pm.string("severity") ?? "", status: pm.status ?? "", path: pm.path.text,
            authors: pm.field("authors")?.stringList ?? [], facts: facts, breach: breach, notificationDeadline: deadline, notices: notices,
            published: published, closed: closed, closedBy: pm.status == "closed" ? pm.string("closed_by") : nil,
            approval: approval(), findings: findings.map(finding), items: findings.flatMap { items(of: $0) },
            reopenings: reopenings, changesAfterClosing: changesAfterClosing())
    }

    // MARK: Notification

    /// The notification deadline and every notice: those of the `notification` block, else the
    /// one `customers_notified_at` records.
    private mutating func notification() -> (String?, [IncidentEvidence.Notice]) {
        let hours = builder.ruleset.configuration.notificationHours
        let declared = incidentTime("declared_at").flatMap(Timestamp.parseDateTime)
        let deadline = declared.map { Timestamp(secondsSinceEpoch: $0.secondsSinceEpoch + Double(hours) * 3600) }
        let block = BreachNotification(pm)
        var notices: [IncidentEvidence.Notice] = []
        if let first = BreachNotification.firstNotified(pm) {
            let firstNotice = block?.first
            let elapsed = declared.map { (first.time.secondsSinceEpoch - $0.secondsSinceEpoch) / 3600 }
            let onTime = elapsed.map { $0 <= Double(hours) }
            let commit = source(pm.id) { BreachNotification.firstNotified($0)?.text }
            if onTime == false, let elapsed {
                exceptions.append(AuditException(.lateNotification, incident: pm.id, commit: commit,
                    message: "\(pm.id): customers were notified \(AuditText.hours(elapsed)) after the breach was declared, beyond the \(hours)-hour deadline (\(deadline?.rfc3339 ?? "—"))"))
            }
            notices.append(Self.notice(firstNotice, number: 1, source: firstNotice == nil ? "customers_notified_at" : "notification",
                                       sentAt: first.text, deadline: deadline?.rfc3339, declared: declared, onTime: onTime, commit: commit))
        } else if let deadline, builder.asOf >= deadline || pm.status == "published" || pm.status == "closed" {
            exceptions.append(AuditException(.missingNotification, incident: pm.id,
                message: "\(pm.id) is a data breach and no customer notification is recorded (deadline \(deadline.rfc3339))"))
        }
        guard let block else { return (deadline?.rfc3339, notices) }
        if let first = block.first, pm.status == "published" || pm.status == "closed" {
            let missing = first.missing(Notice.Part.content)
            if !missing.isEmpty {
                exceptions.append(AuditException(.incompleteNotice, incident: pm.id,
                    message: "\(pm.id): the first notice does not say \(missing.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        for notice in block.notices.dropFirst() {
            let previous = block.notices[notice.number - 2]
            let promise = previous.nextUpdateBy
            var onTime = Self.kept(promise, by: notice.sentAt)
            let index = notice.number - 1
            let commit = source(pm.id) { doc in BreachNotification(doc).flatMap { $0.notices.indices.contains(index) ? $0.notices[index].sentAtText : nil } }
            if onTime == false, let promise {
                exceptions.append(AuditException(.lateFollowUp, incident: pm.id, commit: commit,
                    message: "\(pm.id): notice \(notice.number) was sent at \(notice.sentAtText ?? ""), after the update notice \(previous.number) promised by \(promise.text)"))
            }
            if notice.sentAt == nil, previous.isSent, let promise, pm.status != "closed", promise.day < builder.asOf {
                onTime = false
                exceptions.append(overdueFollowUp(previous, promise))
            }
            notices.append(Self.notice(notice, number: notice.number, source: "notification", sentAt: notice.sentAtText,
                                       deadline: promise?.text, declared: declared, onTime: onTime, commit: commit))
        }
        // A promise in the last notice sent, with no notice listed after it.
        if let last = block.notices.last, last.isSent, let promise = last.nextUpdateBy, pm.status != "closed", promise.day < builder.asOf {
            exceptions.append(overdueFollowUp(last, promise))
        }
        return (deadline?.rfc3339, notices)
    }

    private func overdueFollowUp(_ notice: Notice, _ promise: Notice.Promise) -> AuditException {
        AuditException(.lateFollowUp, incident: pm.id,
            message: "\(pm.id): notice \(notice.number) promised customers an update by \(promise.text), and none had been sent on \(builder.asOf.dateString)")
    }

    /// Whether a follow-up sent at `sent` kept the promise; nil without both.
    private static func kept(_ promise: Notice.Promise?, by sent: Timestamp?) -> Bool? {
        guard let promise, let sent else { return nil }
        return promise.isKept(by: sent)
    }

    private static func notice(_ notice: Notice?, number: Int, source: String, sentAt: String?, deadline: String?, declared: Timestamp?,
                               onTime: Bool?, commit: String?) -> IncidentEvidence.Notice {
        var elapsed: Double?
        if let declared, let sent = sentAt.flatMap(Timestamp.parseDateTime) { elapsed = (sent.secondsSinceEpoch - declared.secondsSinceEpoch) / 3600 }
        var recipients: String?
        switch notice?.recipients {
        case .count(let count)?: recipients = "\(count)"
        case .groups(let groups)?: recipients = groups.joined(separator: ", ")
        case nil: recipients = nil
        }
        let parts = notice.map { n in Notice.Part.allCases.filter { $0 != .sentAt && n.has($0) }.map(\.rawValue) }
        return .init(number: number, source: source, sentAt: sentAt, deadline: deadline, hoursAfterDeclared: elapsed, onTime: onTime,
                     commit: commit, recipients: recipients, parts: parts, nextUpdateBy: notice?.nextUpdateByText)
    }

    // MARK: Status

    /// When it first reached `published`, when it last reached `closed` (if it is closed now),
    /// and every reopening.
    private mutating func transitions() -> (IncidentEvidence.Transition?, IncidentEvidence.Transition?, [IncidentEvidence.Reopening]) {
        var published: IncidentEvidence.Transition?, closed: IncidentEvidence.Transition?
        var reopenings: [IncidentEvidence.Reopening] = []
        var previous: String?
        for version in versions(pm.id) {
            let status = version.document?.status
            let meta = version.commit
            let time = Timestamp(secondsSinceEpoch: Double(meta.time)).rfc3339
            if status == "published", previous != "published", published == nil {
                published = .init(status: "published", time: time, commit: meta.id, author: AuditText.person(meta))
            }
            if status == "closed", previous != "closed" {
                closed = .init(status: "closed", time: time, commit: meta.id, author: AuditText.person(meta))
            }
            if previous == "closed", let status, status != "closed" {
                reopenings.append(.init(commit: meta.id, time: time, author: AuditText.person(meta), reason: version.document?.string("reopened_reason")))
            }
            previous = status
        }
        if pm.status != "closed" { closed = nil }
        if closed != nil {
            for finding in index.findings(of: pm.id).sorted(by: { $0.id < $1.id }) where finding.status == "accepted-risk" {
                exceptions.append(AuditException(.acceptedRisk, incident: pm.id, document: finding.id,
                    message: "\(pm.id) was closed with \(finding.id) as an accepted risk (approved by \(finding.string("approved_by") ?? "nobody"))"))
            }
        }
        return (published, closed, reopenings)
    }

    // MARK: Approval

    private mutating func approval() -> IncidentEvidence.Approval {
        let owners = builder.ruleset.owners
        let approver = pm.string("approved_by")
        let commit = source(pm.id) { $0.string("approved_by") }
        let meta = commit.flatMap { id in versions(pm.id).first { $0.commit.id == id }?.commit }
        let handle = meta.flatMap { meta in
            owners.people.first { $0.email.map { $0.lowercased() == meta.authorEmail.lowercased() } ?? false }?.handle
        }
        let authors = Set((pm.field("authors")?.stringList ?? []).map { owners.resolve($0)?.handle ?? $0 })
        let approverHandle = approver.map { owners.resolve($0)?.handle ?? $0 }
        let approval = IncidentEvidence.Approval(
            approvedBy: approver, commit: commit, time: meta.map { Timestamp(secondsSinceEpoch: Double($0.time)).rfc3339 }, committer: meta.map(AuditText.person), committerHandle: handle,
            committedByAuthor: handle.map(authors.contains) ?? false, committedByApprover: handle != nil && handle == approverHandle)
        if approver == nil, pm.status == "published" || pm.status == "closed" {
            exceptions.append(AuditException(.missingApproval, incident: pm.id, message: "\(pm.id) is \(pm.status ?? "") without `approved_by`"))
        }
        var selfApproval: [String] = []
        if let approverHandle, authors.contains(approverHandle) { selfApproval.append("`approved_by` names \(approverHandle), an author of the postmortem") }
        if approval.committedByAuthor, let handle { selfApproval.append("the approval was committed by \(handle), an author of the postmortem") }
        if !selfApproval.isEmpty {
            exceptions.append(AuditException(.selfApproval, incident: pm.id, commit: commit, message: "\(pm.id): " + selfApproval.joined(separator: "; ")))
        }
        return approval
    }

    // MARK: Findings and remediation items

    private func finding(_ f: Document) -> IncidentEvidence.Finding {
        .init(id: f.id, title: f.title ?? "", category: f.string("category") ?? "", owner: f.owner ?? "", status: f.status ?? "",
              bugs: f.field("bugs")?.stringList ?? [], commit: source(f.id) { $0.status })
    }

    private mutating func items(of finding: Document) -> [IncidentEvidence.Item] {
        index.remediations(of: finding.id).sorted { $0.id < $1.id }.map { item(finding, $0) }
    }

    private mutating func item(_ finding: Document, _ r: Document) -> IncidentEvidence.Item {
        let due = r.string("due")
        let dueTime = due.flatMap(Timestamp.parseDate)
        var slips: [IncidentEvidence.Slip] = []
        var done: CommitMeta?
        var seenUndone = false
        var previous: Document?
        for version in versions(r.id) {
            if let status = version.document?.status, status != "done" { seenUndone = true }
            if let from = previous?.string("due"), let to = version.document?.string("due"),
               let a = Timestamp.parseDate(from), let b = Timestamp.parseDate(to), b > a {
                slips.append(.init(commit: version.commit.id, from: from, to: to, days: Self.days(a, b)))
            }
            if version.document?.status == "done", previous?.status != "done" { done = version.commit }
            previous = version.document
        }
        var outcome: IncidentEvidence.Item.Outcome
        var daysLate: Int?
        var doneAt: String?
        switch r.status {
        case "done":
            // An item first committed already done has no commit that shows it being done:
            // its own `resolved_at` is all there is.
            if !seenUndone { done = nil }
            let doneDay = done.map { Timestamp(secondsSinceEpoch: (Double($0.time) / 86_400).rounded(.down) * 86_400) }
                ?? r.string("resolved_at").flatMap(Timestamp.parseDate)
            doneAt = doneDay?.dateString
            if let doneDay, let dueTime, doneDay > dueTime {
                outcome = .late
                daysLate = Self.days(dueTime, doneDay)
                exceptions.append(AuditException(.lateItem, incident: pm.id, document: r.id, commit: done?.id,
                    message: "\(r.id) was done \(doneDay.dateString), \(daysLate ?? 0) days after its due date \(due ?? "")"))
            } else {
                outcome = dueTime == nil ? .undated : .onTime
            }
        case "wont-fix":
            outcome = .wontFix
        default:
            if let dueTime, dueTime < builder.asOf {
                outcome = .overdue
                daysLate = Self.days(dueTime, builder.asOf)
                exceptions.append(AuditException(.overdueItem, incident: pm.id, document: r.id,
                    message: "\(r.id) (owner \(r.owner ?? "—")) is \(r.status ?? "open"), due \(due ?? ""), \(daysLate ?? 0) days overdue on \(builder.asOf.dateString)"))
            } else {
                outcome = dueTime == nil ? .undated : .open
            }
        }
        return .init(id: r.id, finding: finding.id, title: r.title ?? "", owner: r.owner ?? "", status: r.status ?? "", due: due,
                     resolvedAt: r.string("resolved_at"), doneAt: doneAt, doneCommit: r.status == "done" ? done?.id : nil,
                     outcome: outcome, daysLate: daysLate, slips: slips)
    }

    static func days(_ a: Timestamp, _ b: Timestamp) -> Int { Int(((b.secondsSinceEpoch - a.secondsSinceEpoch) / 86_400).rounded(.down)) }

    // MARK: Changes after closing

    /// Commits that changed the postmortem or a document under it while it was closed and
    /// left it closed (a reopening is listed as one, not here).
    private mutating func changesAfterClosing() -> [IncidentEvidence.Change] {
        let pmVersions = versions(pm.id)
        func status(before order: Int) -> String? { pmVersions.last { $0.order < order }?.document?.status }
        func status(at order: Int) -> String? { (pmVersions.last { $0.order <= order })?.document?.status }
        let ids = [pm.id] + index.tree(of: pm.id).map(\.id)
        var changes: [(order: Int, change: IncidentEvidence.Change)] = []
        for id in Set(ids) {
            for version in versions(id) where status(before: version.order) == "closed" && status(at: version.order) == "closed" {
                let meta = version.commit
                changes.append((version.order, .init(commit: meta.id, time: Timestamp(secondsSinceEpoch: Double(meta.time)).rfc3339,
                                                     author: AuditText.person(meta), document: id, summary: meta.summary)))
            }
        }
        changes.sort { ($0.order, $0.change.document) < ($1.order, $1.change.document) }
        var reported = Set<String>()
        for (_, change) in changes where reported.insert(change.commit).inserted {
            let documents = changes.filter { $0.change.commit == change.commit }.map(\.change.document)
            exceptions.append(AuditException(.changedAfterClosing, incident: pm.id, commit: change.commit,
                message: "commit \(change.commit.prefix(12)) by \(change.author) changed \(documents.joined(separator: ", ")) after \(pm.id) was closed, without reopening it"))
        }
        return changes.map(\.change)
    }
}
