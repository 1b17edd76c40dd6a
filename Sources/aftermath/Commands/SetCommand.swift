import ArgumentParser
import Foundation
import AftermathCore
import AftermathEngine

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change fields of a document (status, owner, due, bug, …), validated before writing.",
        discussion: """
        Each assignment is FIELD=VALUE; list fields (bugs, authors, tags, related) take comma-separated \
        values, and FIELD= removes the field. Reopening a closed postmortem (status=published with \
        reopened_reason=…) also removes its closed_at and closed_by. Only the changed lines are rewritten: comments, key order, \
        quoting and the body stay byte-for-byte. If the result would have errors the file is left untouched, \
        the errors are printed and the exit status is 1. Use `aftermath close` to close a postmortem.
        """
    )

    static let listFields: Set<String> = ["bugs", "authors", "tags", "related", "actors", "attack_vectors"]

    @Argument(help: ArgumentHelp("The document's ID.", valueName: "id"))
    var id: String

    @Argument(help: ArgumentHelp("FIELD=VALUE assignments.", valueName: "field=value"))
    var assignments: [String]

    @Flag(help: "Validate and show the result without writing.")
    var dryRun = false

    @OptionGroup var today: TodayOption
    @OptionGroup var recording: CommitOption

    func validate() throws {
        if assignments.isEmpty { throw ValidationError("give at least one FIELD=VALUE") }
        for assignment in assignments where !assignment.contains("=") || assignment.hasPrefix("=") {
            throw ValidationError("`\(TerminalSafe.escape(assignment))` is not FIELD=VALUE")
        }
        for assignment in assignments {
            let key = String(assignment.prefix { $0 != "=" })
            if !PlainFieldName.isPlain(key) {
                throw ValidationError("`\(TerminalSafe.escape(key))` is not a field name: field names are lowercase letters, digits and `_`, starting with a letter (\(PlainFieldName.rule))")
            }
        }
    }

    var changes: [FieldChange] {
        assignments.map { assignment in
            let key = String(assignment.prefix { $0 != "=" })
            let value = String(assignment.dropFirst(key.count + 1))
            if value.isEmpty { return FieldChange(key, .remove) }
            if Self.listFields.contains(key) {
                return FieldChange(key, .list(value.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }))
            }
            return FieldChange(key, .scalar(value))
        }
    }

    func run() throws {
        try Console.run { console in
            let session = try Workspace().edit(today: today.timestamp)
            let document = try session.document(id)
            if document.kind == .postmortem, changes.contains(where: { $0.key == "status" && $0.value == .scalar("closed") }) {
                throw WorkspaceError.usage("use `aftermath close \(document.id)` to close a postmortem: it checks every blocker first")
            }
            let original = try session.bytes(of: document)
            let edited: [UInt8]
            do {
                edited = try FrontMatterEditor.apply(ImpliedChanges.adding(to: changes, for: document), to: original)
            } catch let error as EditError {
                throw WorkspaceError.usage("\(document.path): \(error)")
            }
            let check = try session.check([document.path: edited], committing: recording.commit)
            let affected = Set([document.path] + check.after.index.tree(of: check.after.index.postmortem(of: document)?.id ?? "").map(\.path))
            let errors = (check.newErrors(in: affected) + check.newTransitionErrors()).sortedForReport()
            if !errors.isEmpty {
                console.diagnostics(errors)
                console.err("\(document.id) was not changed: the result would have \(errors.count) error\(errors.count == 1 ? "" : "s")")
                return ExitStatus.validation
            }
            if dryRun {
                console.out(String(decoding: edited, as: UTF8.self))
                return ExitStatus.ok
            }
            try session.write(document, original: original, edited: edited,
                              commitMessage: recording.commit ? "set \(document.id): \(assignments.joined(separator: " "))" : nil)
            console.err("updated \(document.id) (\(document.path))")
            return ExitStatus.ok
        }
    }
}
