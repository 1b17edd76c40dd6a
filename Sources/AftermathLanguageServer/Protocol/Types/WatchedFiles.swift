/// `workspace/didChangeWatchedFiles` and the registration that asks the client to send it.
public struct FileEvent: Codable, Sendable {
    public var uri: String
    /// 1 created, 2 changed, 3 deleted.
    public var type: Int
}

public struct DidChangeWatchedFilesParams: Codable, Sendable {
    public var changes: [FileEvent]
}

public struct FileSystemWatcher: Codable, Sendable {
    public var globPattern: String
}

public struct DidChangeWatchedFilesRegistrationOptions: Codable, Sendable {
    public var watchers: [FileSystemWatcher]
}

public struct Registration: Codable, Sendable {
    public var id: String
    public var method: String
    public var registerOptions: DidChangeWatchedFilesRegistrationOptions?
}

public struct RegistrationParams: Codable, Sendable {
    public var registrations: [Registration]
}
