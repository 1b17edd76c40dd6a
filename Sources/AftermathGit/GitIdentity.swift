import CLibGit2

/// The user's configured identity (`user.name`, `user.email`), as git resolves them: the
/// repository's configuration over the global and system ones.
public struct GitIdentity: Sendable, Equatable {
    public var name: String?
    public var email: String?

    public static func current(repository: GitRepository?) -> GitIdentity {
        LibGit2.ensureInitialized()
        var config: OpaquePointer?
        if let repository {
            guard git_repository_config_snapshot(&config, repository.handle) == 0 else { return GitIdentity() }
        } else {
            var live: OpaquePointer?
            guard git_config_open_default(&live) == 0 else { return GitIdentity() }
            defer { git_config_free(live) }
            guard git_config_snapshot(&config, live) == 0 else { return GitIdentity() }
        }
        defer { git_config_free(config) }
        func read(_ key: String) -> String? {
            var value: UnsafePointer<CChar>?
            guard git_config_get_string(&value, config, key) == 0, let value else { return nil }
            return String(cString: value)
        }
        return GitIdentity(name: read("user.name"), email: read("user.email"))
    }
}

extension GitRepository {
    /// A configuration value as git resolves it (repository, then global, then system).
    public func configString(_ key: String) -> String? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, handle) == 0 else { return nil }
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        guard git_config_get_string(&value, config, key) == 0, let value else { return nil }
        return String(cString: value)
    }
}
