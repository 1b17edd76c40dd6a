import ArgumentParser
import Foundation
import AftermathCore
import AftermathEngine
import AftermathGit
import AftermathLanguageServer

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set up Aftermath in an empty or existing repository, without overwriting anything there.",
        discussion: "Creates what is missing — .aftermath.yml, owners.yml (with you in it, from git's user.name and user.email), the postmortems/ folder and a copy of the schemas in schema/ — and keeps every file that already exists."
    )

    @Flag(help: "Do not copy the schemas into schema/ (the built-in ones are used).")
    var noSchemas = false

    @Option(help: ArgumentHelp("Print the set-up of `aftermath lsp` for this editor (\(EditorSetup.snippets.map(\.editor).joined(separator: ", "))) and change nothing.",
                               valueName: "editor"),
            completion: .list(EditorSetup.snippets.map(\.editor)))
    var editor: String?

    func validate() throws {
        if let editor, EditorSetup.snippet(for: editor) == nil {
            let names = EditorSetup.snippets.map(\.editor)
            throw ValidationError("no set-up for `\(TerminalSafe.escape(editor))`\(Suggestion.hint(Suggestion.closest(to: editor, among: names))); editors: \(names.joined(separator: ", "))")
        }
    }

    func run() throws {
        try Console.run { console in
            if let editor, let snippet = EditorSetup.snippet(for: editor) {
                console.out(snippet + "\n")
                return ExitStatus.ok
            }
            let root = FileManager.default.currentDirectoryPath
            let identity = GitIdentity.current(repository: GitRepository.discover(from: root).flatMap { try? GitRepository(path: $0) })
            var files: [(String, String)] = [
                (RepositoryConfiguration.fileName, InitialFiles.configuration),
                ("owners.yml", InitialFiles.owners(identity)),
                ("postmortems/.gitkeep", ""),
            ]
            if !noSchemas {
                files += BuiltinSchemas.files.sorted { $0.key < $1.key }.map { ("schema/\($0.key)", $0.value + "\n") }
            }
            for (path, text) in files {
                let absolute = root + "/" + path
                try FileManager.default.createDirectory(atPath: (absolute as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                do {
                    try AtomicFile.create(absolute, content: Array(text.utf8))
                    console.err("created \(path)")
                } catch AtomicFile.Failure.alreadyExists {
                    console.err("kept    \(path) (already there)")
                }
            }
            console.err("next: edit owners.yml, then `aftermath new postmortem --title …`; `aftermath hooks install` enforces the rules on commit")
            return ExitStatus.ok
        }
    }
}

enum InitialFiles {
    static let configuration = """
    # Aftermath configuration. Every field is optional; the values below are the defaults.
    # schema/config.schema.json describes every field.
    roots: [postmortems]
    owners: owners.yml
    # trackers:
    #   - name: jira
    #     pattern: '^JIRA:(?<key>[A-Z][A-Z0-9]+-[0-9]+)$'
    #     url: 'https://jira.example.org/browse/{key}'
    policies:
      remediation_due_days: {sev1: 15, sev2: 30, sev3: 60, sev4: 90}
      notification_hours: 72
      errors: []

    """

    static func owners(_ identity: GitIdentity) -> String {
        let name = identity.name ?? "Your Name"
        let email = identity.email ?? "you@example.org"
        let handle = DocumentTemplate.slug(String(email.prefix { $0 != "@" })).replacing("-", with: ".")
        return """
        # People and teams that documents may name in owner, authors, approved_by and closed_by.
        people:
          - handle: \(handle)
            name: \(YAMLScalar.scalar(name, preferring: .plain))
            email: \(YAMLScalar.scalar(email, preferring: .plain))
        teams: []

        """
    }
}
