/// Why a folder's `manifest.json` cannot be read as a pack's.
public struct ManifestProblem: Error, Sendable {
    public var message: String
    init(_ message: String) { self.message = message }
}
