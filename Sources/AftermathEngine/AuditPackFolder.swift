import Foundation
import AftermathCore
import AftermathGit

/// Puts a pack's files in place all at once: written into a new folder beside the output
/// (inside the same parent, so the rename stays on one file system) and renamed to it, so a
/// failed run leaves nothing half-written. A folder that exists and is not empty is replaced
/// only when asked to.
package enum AuditPackFolder {
    package static func write(_ files: [(name: String, bytes: [UInt8])], to output: String, replacing: Bool) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: output).standardizedFileURL.path
        let parent = (target as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else {
            throw WorkspaceError.io("\(parent): no such folder to make the pack in")
        }
        var existing = false
        if fm.fileExists(atPath: target, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw WorkspaceError.io("\(output): exists and is not a folder") }
            let entries = (try? fm.contentsOfDirectory(atPath: target)) ?? []
            if !entries.isEmpty && !replacing {
                throw WorkspaceError.usage("\(output) exists and is not empty; give --force to replace it")
            }
            existing = true
        }
        let name = (target as NSString).lastPathComponent
        let temporary = parent + "/.\(name).aftermath-tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try fm.createDirectory(atPath: temporary, withIntermediateDirectories: false)
            for file in files { try AtomicFile.create(temporary + "/" + file.name, content: file.bytes) }
        } catch {
            try? fm.removeItem(atPath: temporary)
            if let failure = error as? AtomicFile.Failure { throw WorkspaceError(failure) }
            throw WorkspaceError(fileError: error)
        }
        let previous = temporary + "-previous"
        if existing {
            guard rename(target, previous) == 0 else {
                try? fm.removeItem(atPath: temporary)
                throw WorkspaceError.io("\(output): cannot be replaced: \(String(cString: strerror(errno)))")
            }
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            if existing { _ = rename(previous, target) }
            try? fm.removeItem(atPath: temporary)
            throw WorkspaceError.io("\(output): cannot be written: \(reason)")
        }
        if existing { try? fm.removeItem(atPath: previous) }
    }
}
