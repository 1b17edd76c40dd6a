/// Which paths are documents: `.md` files under one of the configured roots. Works on bytes
/// so listings can be filtered before any string is made.
public struct DocumentPathFilter: Sendable {
    private let prefixes: [[UInt8]]

    public init(roots: [String]) {
        prefixes = roots.map { root in
            let folder = root == "." ? "" : RepositoryConfiguration.normalizeFolder(root)
            return folder.isEmpty ? [] : Array((folder + "/").utf8)
        }
    }

    public func matches(_ path: UnsafeRawBufferPointer) -> Bool {
        guard path.count >= 3, path[path.count - 3] == UInt8(ascii: "."), path[path.count - 2] == UInt8(ascii: "m"),
              path[path.count - 1] == UInt8(ascii: "d") else { return false }
        return prefixes.contains { prefix in path.starts(with: prefix) }
    }

    public func matches(_ path: RepositoryPath) -> Bool { path.withBytes { matches($0) } }

    public func matches(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { matches(UnsafeRawBufferPointer($0)) }
    }
}
