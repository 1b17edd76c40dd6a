import Foundation
import AftermathCore

/// `textDocument/completion`: field names for the document's kind (with their descriptions),
/// enum values, handles and teams, linked IDs with titles, tracker prefixes, today's date in
/// date fields, and a time stamp in the Timeline.
enum Completion {
    /// At most this many IDs are offered, those starting with what is typed; the list is then
    /// marked incomplete, so the editor asks again as more is typed (a large repository has
    /// tens of thousands of findings).
    static let idLimit = 200

    static func list(_ context: DocumentContext, at position: Position, now: Date) -> CompletionList {
        let found = items(context, at: position, now: now)
        return CompletionList(isIncomplete: found.count > idLimit, items: Array(found.prefix(idLimit)))
    }

    static func items(_ context: DocumentContext, at position: Position, now: Date) -> [CompletionItem] {
        let cursor = context.cursor(at: position)
        let replace = TextEdit(range: context.range(cursor.wordRange.lowerBound..<context.buffer.offset(of: position, encoding: context.encoding)), newText: "")
        func item(_ label: String, _ kind: CompletionItemKind, detail: String? = nil, documentation: String? = nil, insert: String? = nil) -> CompletionItem {
            var edit = replace
            edit.newText = insert ?? label
            return CompletionItem(label: label, kind: kind, detail: detail, documentation: documentation, textEdit: edit)
        }
        guard cursor.inFrontMatter else {
            return inTimeline(context, line: cursor.line) ? [item(timelineStamp(now), .event, detail: "now (UTC)", insert: timelineStamp(now) + " ")] : []
        }
        let schema = context.kind.flatMap(context.state.schemaSource).map(SchemaFields.init)
        if cursor.onKey {
            guard let schema else { return [] }
            let parent = isIndented(context, cursor.line) ? cursor.field : nil
            let present = Set(presentKeys(context, nestedIn: parent))
            return schema.names(in: parent).filter { !present.contains($0) }.compactMap { name in
                guard let property = schema.property(name, in: parent) else { return nil }
                return item(name, .field, detail: schema.description(name, property, parent: parent), insert: name + ": ")
            }
        }
        guard let field = cursor.valueField else { return [] }
        let state = context.state
        if FieldRoles.handles.contains(field), let owners = state.ruleset?.owners {
            return owners.people.map { person in
                item(person.handle, .value, detail: [person.name, person.email.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " "))
            } + owners.teams.map { team in
                item(team.handle, .value, detail: "team" + (team.name.map { ": \($0)" } ?? ""),
                     documentation: team.members.isEmpty ? nil : "members: " + team.members.joined(separator: ", "))
            }
        }
        if let kind = FieldRoles.linkedKind(field) {
            let start = cursor.wordRange.lowerBound
            let end = max(start, min(context.buffer.offset(of: position, encoding: context.encoding), cursor.wordRange.upperBound))
            let typed = String(decoding: context.buffer.bytes[start..<end], as: UTF8.self).uppercased()
            var found: [CompletionItem] = []
            // One past the limit: enough to tell that the list is incomplete.
            for document in state.documents(of: kind) where document.path != context.path && document.id.hasPrefix(typed) {
                found.append(item(document.id, .reference, detail: document.title))
                if found.count > idLimit { break }
            }
            return found
        }
        if FieldRoles.bugs.contains(field), let trackers = state.ruleset?.configuration.trackers.trackers {
            return trackers.compactMap { tracker in
                TrackerPrefix.literal(of: tracker.pattern).map { item($0, .constant, detail: "\(tracker.name): \(tracker.urlTemplate)") }
            }
        }
        let parent = cursor.nestedKey != nil ? cursor.field : nil
        guard let schema, let property = schema.property(field, in: parent) else { return [] }
        let values = schema.allowedValues(property)
        if !values.isEmpty { return values.map { item($0, .enumMember, detail: schema.description(field, property, parent: parent)) } }
        switch schema.format(property) {
        case "date": return [item(date(now), .constant, detail: "today (UTC)")]
        case "date-time": return [item(dateTime(now), .constant, detail: "now (UTC)")]
        default: return []
        }
    }

    private static func isIndented(_ context: DocumentContext, _ line: Int) -> Bool {
        context.buffer.line(line).first == UInt8(ascii: " ")
    }

    /// The keys already written at the top level (or inside `parent`).
    private static func presentKeys(_ context: DocumentContext, nestedIn parent: String?) -> [String] {
        guard let lines = FrontMatterCursor.frontMatterLines(context.buffer) else { return [] }
        var keys: [String] = [], current: String?
        for line in lines {
            let text = Array(context.buffer.line(line))
            guard let colon = FrontMatterCursor.keyColon(text) else { continue }
            let indent = text.prefix { $0 == UInt8(ascii: " ") }.count
            let key = String(decoding: text[indent..<colon], as: UTF8.self)
            if indent == 0 { current = key }
            if (parent == nil && indent == 0) || (parent != nil && indent > 0 && current == parent) { keys.append(key) }
        }
        return keys
    }

    /// Whether `line` is in the body's `## Timeline` section.
    static func inTimeline(_ context: DocumentContext, line: Int) -> Bool {
        var lineIndex = line
        while lineIndex >= FrontMatterCursor.bodyStart(context.buffer) {
            let text = context.buffer.lineText(lineIndex)
            if text.hasPrefix("## ") { return text.dropFirst(3).trimmingSpaces == "Timeline" }
            lineIndex -= 1
        }
        return false
    }

    static func date(_ now: Date) -> String { String(dateTime(now).prefix(10)) }

    static func dateTime(_ now: Date) -> String {
        Timestamp(secondsSinceEpoch: now.timeIntervalSince1970.rounded(.down)).rfc3339
    }

    /// `2026-03-01 10:05`, the Timeline's short form.
    static func timelineStamp(_ now: Date) -> String {
        let full = dateTime(now)
        return String(full.prefix(10)) + " " + String(full.dropFirst(11).prefix(5))
    }
}

/// The literal start of a tracker's reference pattern (`^JIRA:(?<key>…)$` → `JIRA:`), which is
/// what a reference is typed from.
enum TrackerPrefix {
    static func literal(of pattern: String) -> String? {
        guard pattern.hasPrefix("^") else { return nil }
        var prefix = ""
        var rest = pattern.dropFirst()
        while let c = rest.first {
            if c == "\\", let next = rest.dropFirst().first, !next.isLetter && !next.isNumber {
                prefix.append(next)
                rest = rest.dropFirst(2)
                continue
            }
            if "()[]{}.*+?|^$\\".contains(c) { break }
            prefix.append(c)
            rest = rest.dropFirst()
        }
        // A quantifier applies to the character before it, which is then not literal.
        if let c = rest.first, "*+?{".contains(c), !prefix.isEmpty { prefix.removeLast() }
        return prefix.isEmpty ? nil : prefix
    }
}
