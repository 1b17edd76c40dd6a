/// Why a tracker could not be asked or did not answer usefully. Messages name the tracker and,
/// for credentials, the environment variable; they never hold a token (`HTTPTransport` masks
/// the ones it sent in anything a server echoes back).
public struct TrackerError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case credentials, refused, unreachable, badResponse, unsupported }

    public var tracker: String
    public var kind: Kind
    public var message: String

    public init(tracker: String, _ kind: Kind, _ message: String) {
        self.tracker = tracker
        self.kind = kind
        self.message = message
    }

    public var description: String { "tracker `\(tracker)`: \(message)" }
}
