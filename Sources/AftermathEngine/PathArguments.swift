import Foundation
import AftermathCore
import AftermathGit

/// Files or folders named on the command line (`validate PATHS`), as repository-relative
/// paths. A path outside the repository, or one that names nothing in the snapshot being read,
/// is a usage error: a mistyped path would otherwise match no document and pass as "no problems".
package struct PathArguments {
    package let workspace: RepositoryAccess
    package let snapshot: Snapshot

    package init(workspace: RepositoryAccess, snapshot: Snapshot) {
        self.workspace = workspace
        self.snapshot = snapshot
    }

    package func resolve(_ arguments: [String]) throws -> [String] {
        try arguments.map(resolve)
    }

    private func resolve(_ argument: String) throws -> String {
        let relative = workspace.location.relative(argument)
        let shown = TerminalSafe.escape(argument)
        // `relative` keeps a path outside the root as given: absolute, or starting with `..`.
        if RepositoryConfinement.lexicalProblem(relative) != nil { throw WorkspaceError.usage("`\(shown)` is outside the repository") }
        if let problem = RepositoryConfinement.fileSystem(root: workspace.root).problem(relative) {
            throw WorkspaceError.usage("`\(shown)` \(problem)")
        }
        if try exists(relative) { return relative }
        // The deepest folder that exists, and the closest name in it.
        var components = relative.split(separator: "/").map(String.init)
        var missing = components.removeLast()
        while !components.isEmpty, try !exists(components.joined(separator: "/")) { missing = components.removeLast() }
        let folder = components.joined(separator: "/")
        let names = try children(of: folder)
        let suggestion = Suggestion.closest(to: missing, among: names).map { folder.isEmpty ? $0 : folder + "/" + $0 }
        throw WorkspaceError.usage("`\(shown)` names no file or folder (read from: \(snapshot.label))\(Suggestion.hint(suggestion.map(TerminalSafe.escape)))")
    }

    private func exists(_ relative: String) throws -> Bool {
        if relative.isEmpty { return true }
        if snapshot is WorkingTreeSnapshot {
            var info = stat()
            return lstat(workspace.root + "/" + relative, &info) == 0
        }
        if try snapshot.read(relative, upTo: 0) != nil { return true }
        return try !snapshot.files(under: relative).isEmpty
    }

    /// The names of the entries of `folder`.
    private func children(of folder: String) throws -> [String] {
        if snapshot is WorkingTreeSnapshot {
            return (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? workspace.root : workspace.root + "/" + folder)) ?? []
        }
        let prefix = folder.isEmpty ? "" : folder + "/"
        return Array(Set(try snapshot.files(under: folder).compactMap { path -> String? in
            guard path.hasPrefix(prefix) else { return nil }
            return path.text.dropFirst(prefix.count).split(separator: "/").first.map(String.init)
        }))
    }
}
