import Foundation
import AftermathCore
import AftermathGit

/// The shared steps of `aftermath new`: lock the repository, read it, let the subcommand
/// plan the file, validate the repository with the file in place, then create it exclusively.
package enum NewDocument {
    package struct Session {
        package let edit: EditSession
        package var ruleset: Ruleset { edit.ruleset }

        /// IDs in use and file or folder names present: both reserve an ID.
        package var usedNames: [String] { NewDocument.usedNames(ids: edit.ids, in: edit.snapshot, roots: ruleset.configuration.roots) }

        package func document(_ id: String, kind: DocumentKind) throws -> Document { try edit.document(id, kind: kind) }
        package func neighbourhood(of document: Document) throws -> RepositoryIndex { try edit.neighbourhood(of: document) }
        package func person(_ given: String?, option: String) throws -> String { try edit.person(given, option: option) }
    }

    /// What `create` did.
    package enum Outcome {
        /// The file was written at this path.
        case created(String)
        /// Nothing was written: the new document would have had these errors (those about
        /// the new file name a path that does not exist).
        case refused([Diagnostic], newPath: RepositoryPath)
    }

    package static func create(today: Timestamp, commit: Bool, plan: (Session) throws -> (path: String, text: String)) throws -> Outcome {
        let workspace = RepositoryAccess()
        // Held until the file exists, so a concurrent `new` sees it and takes the next ID.
        let lock = try DirectoryLock(workspace.root)
        defer { withExtendedLifetime(lock) {} }
        let session = Session(edit: try EditSession(today: today, throughSummary: true))
        let (path, text) = try plan(session)
        let bytes = Array(text.utf8)
        let check = try session.edit.check([RepositoryPath(path): bytes], committing: commit)
        let errors = (check.newErrors(in: [RepositoryPath(path)]) + check.newTransitionErrors()).sortedForReport()
        if !errors.isEmpty { return .refused(errors, newPath: RepositoryPath(path)) }
        let absolute = workspace.root + "/" + path
        let created = try createFolders(for: path, in: workspace.root)
        let id = check.after.index.documents.first { $0.path == RepositoryPath(path) }?.id ?? path
        do {
            try GitRecording.withCommit(commit ? "new \(id)" : nil, paths: [path], workspace: workspace) {
                do {
                    try AtomicFile.create(absolute, content: bytes)
                } catch let failure as AtomicFile.Failure {
                    throw WorkspaceError(failure)
                }
            }
        } catch {
            // A failed create leaves nothing behind: the folders made for it go too (the file
            // itself, if it was linked before a commit failed, is the user's to keep).
            if !FileManager.default.fileExists(atPath: absolute) { removeFolders(created) }
            throw error
        }
        return .created(path)
    }

    /// Creates the missing folders of `path` (relative to `root`), returning those it made,
    /// deepest last; on failure, removes what it made and reports one line.
    private static func createFolders(for path: String, in root: String) throws -> [String] {
        var created: [String] = []
        var folder = root
        for component in path.split(separator: "/").dropLast() {
            folder += "/" + component
            if mkdir(folder, 0o777) == 0 {
                created.append(folder)
            } else if errno != EEXIST {
                let reason = String(cString: strerror(errno))
                removeFolders(created)
                throw WorkspaceError.io("\(folder): cannot create the folder: \(reason)")
            }
        }
        return created
    }

    private static func removeFolders(_ created: [String]) {
        for folder in created.reversed() { rmdir(folder) }
    }

    package static func now() -> String { CurrentTime.timestamp.rfc3339 }

    /// `ids` and every file or folder name under `roots` in `snapshot`: both reserve an ID.
    package static func usedNames(ids: [String], in snapshot: Snapshot, roots: [String]) -> [String] {
        var names = ids
        for root in roots {
            for path in (try? snapshot.files(under: root)) ?? [] {
                names += path.text.split(separator: "/").map(String.init)
            }
        }
        return names
    }

    /// The latest due date the severity's policy allows (declared_at + N days), not before today.
    package static func policyDue(_ pm: Document, _ ruleset: Ruleset, today: Timestamp) -> String {
        let days = pm.string("severity").flatMap { ruleset.configuration.remediationDueDays[$0] } ?? 30
        guard let declared = pm.field("incident")?["declared_at"]?.stringValue.flatMap(Timestamp.parseDateTime) else {
            return Timestamp(secondsSinceEpoch: today.secondsSinceEpoch + Double(days) * 86_400).dateString
        }
        let latest = Timestamp(secondsSinceEpoch: declared.secondsSinceEpoch + Double(days) * 86_400)
        return max(latest, today).dateString
    }
}
