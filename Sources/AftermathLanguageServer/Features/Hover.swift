import AftermathCore

/// `textDocument/hover`: an ID (title, kind, status, owner, due, open items), a handle (name,
/// email, teams), a bug reference (its tracker URL), a field name (its schema description; on a
/// postmortem's `status`, whether it can be closed).
enum HoverInfo {
    static func hover(_ context: DocumentContext, at position: Position) -> Hover? {
        let cursor = context.cursor(at: position)
        guard !cursor.word.isEmpty else { return nil }
        let state = context.state
        let range = context.range(cursor.wordRange)
        var text: String?
        if FieldRoles.isID(cursor.word) {
            text = state.document(cursor.word).map { describe($0, state) } ?? "`\(cursor.word)`: no such document"
        } else if cursor.inFrontMatter && cursor.onKey {
            text = field(context, cursor)
        } else if let owner = state.ruleset?.owners.resolve(cursor.word) {
            text = describe(owner, state)
        } else if let trackers = state.ruleset?.configuration.trackers, let url = trackers.tracker(for: cursor.word)?.url(for: cursor.word) {
            text = "[\(cursor.word)](\(url))"
        }
        return text.map { Hover(contents: .markdown($0), range: range) }
    }

    static func describe(_ document: Document, _ state: RepositoryState) -> String {
        var facts = ["\(document.kind.rawValue) · status `\(document.status ?? "unset")`"]
        if let owner = document.owner { facts.append("owner: \(owner)") }
        if let due = document.string("due") { facts.append("due: \(due)") }
        var closing: String?
        switch document.kind {
        case .postmortem:
            closing = ClosureStatus.details(of: document, in: state)
        case .finding:
            let open = state.neighbourhood(of: document).remediations(of: document.id).filter(\.isOpen).map(\.id)
            facts.append(open.isEmpty ? "no open remediation items" : "open remediation items: " + open.joined(separator: ", "))
        case .remediation:
            if let finding = document.parentID { facts.append("finding: \(finding)") }
        }
        // Paragraphs apart, facts on lines of their own (a Markdown hard break is two spaces).
        return (["**\(document.id)** \(document.title ?? "")", facts.joined(separator: "  \n")] + [closing].compactMap { $0 }).joined(separator: "\n\n")
    }

    static func describe(_ owner: OwnerRegistry.Owner, _ state: RepositoryState) -> String {
        switch owner {
        case .person(let person):
            let teams = state.ruleset?.owners.teams(of: person.handle).map(\.handle) ?? []
            return ["**\(person.name)** (`\(person.handle)`)", person.email.map { "<\($0)>" }, teams.isEmpty ? nil : "teams: " + teams.joined(separator: ", ")]
                .compactMap { $0 }.joined(separator: "  \n")
        case .team(let team):
            return ["**\(team.name ?? team.handle)** (team `\(team.handle)`)", team.members.isEmpty ? nil : "members: " + team.members.joined(separator: ", "),
                    team.lead.map { "lead: \($0)" }].compactMap { $0 }.joined(separator: "  \n")
        }
    }

    private static func field(_ context: DocumentContext, _ cursor: FrontMatterCursor) -> String? {
        guard let kind = context.kind, let schema = context.state.schemaSource(kind).map(SchemaFields.init) else { return nil }
        let parent = cursor.nestedKey != nil ? cursor.field : nil
        guard let property = schema.property(cursor.word, in: parent) else { return nil }
        var text = schema.description(cursor.word, property, parent: parent)
        if kind == .postmortem, cursor.word == "status", parent == nil, let document = context.document {
            text += "\n\n" + ClosureStatus.details(of: document, in: context.state)
        }
        return text
    }
}
