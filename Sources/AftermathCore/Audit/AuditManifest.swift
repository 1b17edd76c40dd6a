import Foundation

/// `manifest.json`: what a pack holds (each file's SHA-256), what made it (the tool, its
/// version, the command line, the options) from which commit, and how the cited commits are
/// signed. The only file of a pack that is not hashed, so the time it was made and what this
/// machine could verify go here.
public struct AuditManifest: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        public var path: String
        public var sha256: String
        public var bytes: Int
    }

    /// A cited commit's signature, and whether `git verify-commit` accepted it here.
    public struct Signature: Sendable, Equatable {
        public var commit: String
        /// `gpg`, `ssh`, `x509`, or nil (unsigned).
        public var kind: String?
        /// Nil when it could not be checked (unsigned, no git, no key to check it with).
        public var verified: Bool?
        public var detail: String

        public init(commit: String, kind: String?, verified: Bool?, detail: String) {
            self.commit = commit
            self.kind = kind
            self.verified = verified
            self.detail = detail
        }
    }

    /// What `verify` needs to make the pack again.
    public struct Options: Sendable, Equatable {
        public var from: String
        public var to: String
        public var frameworks: [String]
        public var rev: String
        public var sample: Int?
        public var seed: String?
        public var allowDirty: Bool
        public var uncommitted: [String]

        public init(from: String, to: String, frameworks: [String], rev: String, sample: Int?, seed: String?, allowDirty: Bool, uncommitted: [String]) {
            self.from = from
            self.to = to
            self.frameworks = frameworks
            self.rev = rev
            self.sample = sample
            self.seed = seed
            self.allowDirty = allowDirty
            self.uncommitted = uncommitted
        }
    }

    public var toolVersion: String
    public var commandLine: [String]
    public var madeAt: String
    public var commit: String
    /// The branch HEAD was on (`refs/heads/main`), nil when detached.
    public var branch: String?
    public var options: Options
    public var files: [File]
    public var signatures: [Signature]

    public init(pack: AuditPack, toolVersion: String, commandLine: [String], madeAt: String, commit: String, branch: String?,
                options: Options, signatures: [Signature]) {
        self.toolVersion = toolVersion
        self.commandLine = commandLine
        self.madeAt = madeAt
        self.commit = commit
        self.branch = branch
        self.options = options
        files = pack.files.map { File(path: $0.name, sha256: SHA256.hex($0.bytes), bytes: $0.bytes.count) }
        self.signatures = signatures
    }

    public func rendered() -> String {
        let object: JSONText = .object([
            ("version", .int(1)),
            ("tool", .object([("name", .string("aftermath")), ("version", .string(toolVersion))])),
            ("command_line", .array(commandLine.map(JSONText.string))),
            ("made_at", .string(madeAt)),
            ("commit", .string(commit)),
            ("branch", .optional(branch)),
            ("options", .object([
                ("from", .string(options.from)), ("to", .string(options.to)), ("frameworks", .array(options.frameworks.map(JSONText.string))),
                ("rev", .string(options.rev)), ("sample", options.sample.map(JSONText.int) ?? .null), ("seed", .optional(options.seed)),
                ("allow_dirty", .bool(options.allowDirty)), ("uncommitted", .array(options.uncommitted.map(JSONText.string))),
            ])),
            ("files", .array(files.map { .object([("path", .string($0.path)), ("sha256", .string($0.sha256)), ("bytes", .int($0.bytes))]) })),
            ("signatures", .array(signatures.map { s in
                .object([("commit", .string(s.commit)), ("signed", .optional(s.kind)), ("verified", s.verified.map(JSONText.bool) ?? .null), ("detail", .string(s.detail))])
            })),
        ])
        return object.rendered() + "\n"
    }

    /// Reads a manifest back; nil when it is not one (the message says what is wrong).
    public static func parse(_ bytes: [UInt8]) -> Result<AuditManifest, ManifestProblem> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return .failure(.init("is not a JSON object")) }
        guard object["version"] as? Int == 1 else { return .failure(.init("has no `version` 1: not an aftermath evidence pack of this version")) }
        guard let commit = object["commit"] as? String, let options = object["options"] as? [String: Any],
              let from = options["from"] as? String, let to = options["to"] as? String,
              let frameworks = options["frameworks"] as? [String], let files = object["files"] as? [[String: Any]] else {
            return .failure(.init("lacks `commit`, `options` or `files`"))
        }
        let tool = object["tool"] as? [String: Any]
        var manifest = AuditManifest(
            toolVersion: tool?["version"] as? String ?? "", commandLine: object["command_line"] as? [String] ?? [],
            madeAt: object["made_at"] as? String ?? "", commit: commit, branch: object["branch"] as? String,
            options: Options(from: from, to: to, frameworks: frameworks, rev: options["rev"] as? String ?? commit,
                             sample: options["sample"] as? Int, seed: options["seed"] as? String,
                             allowDirty: options["allow_dirty"] as? Bool ?? false, uncommitted: options["uncommitted"] as? [String] ?? []),
            files: [], signatures: [])
        manifest.files = files.compactMap { f in
            guard let path = f["path"] as? String, let sha = f["sha256"] as? String else { return nil }
            return File(path: path, sha256: sha, bytes: f["bytes"] as? Int ?? 0)
        }
        return .success(manifest)
    }

    private init(toolVersion: String, commandLine: [String], madeAt: String, commit: String, branch: String?, options: Options,
                 files: [File], signatures: [Signature]) {
        self.toolVersion = toolVersion
        self.commandLine = commandLine
        self.madeAt = madeAt
        self.commit = commit
        self.branch = branch
        self.options = options
        self.files = files
        self.signatures = signatures
    }
}
