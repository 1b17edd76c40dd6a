import Foundation
import AftermathCore
import AftermathGit

/// Where the repository is: the nearest folder upward holding `.aftermath.yml`, else the git
/// work tree's root, else the current folder (DESIGN.md section 4).
package struct RepositoryLocation {
    package let root: String
    package let currentDirectory: String

    package static func find(from start: String = FileManager.default.currentDirectoryPath) -> RepositoryLocation {
        var dir = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent(RepositoryConfiguration.fileName).path) {
                return RepositoryLocation(root: dir.path, currentDirectory: start)
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        if let gitDir = GitRepository.discover(from: start), let repo = try? GitRepository(path: gitDir), let workdir = repo.workdir {
            return RepositoryLocation(root: String(workdir.dropLast(workdir.hasSuffix("/") ? 1 : 0)), currentDirectory: start)
        }
        return RepositoryLocation(root: URL(fileURLWithPath: start).standardizedFileURL.path, currentDirectory: start)
    }

    /// A path given on the command line (relative to the current folder) as a repository-relative path.
    package func relative(_ argument: String) -> String {
        let absolute = argument.hasPrefix("/") ? argument : currentDirectory + "/" + argument
        let standardized = URL(fileURLWithPath: absolute).standardizedFileURL.path
        if standardized == root { return "" }
        if standardized.hasPrefix(root + "/") { return String(standardized.dropFirst(root.count + 1)) }
        return argument
    }
}
