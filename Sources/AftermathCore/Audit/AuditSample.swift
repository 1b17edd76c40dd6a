/// `--sample N --seed S`: N incidents picked so that anyone with the seed picks the same
/// ones — those whose SHA-256 of `SEED:ID` comes first — without a random generator whose
/// sequence could change between platforms or versions.
public struct AuditSample: Sendable, Equatable {
    public var size: Int
    public var seed: String

    public init(size: Int, seed: String) {
        self.size = size
        self.seed = seed
    }

    /// The IDs picked, sorted.
    public func pick(_ ids: [String]) -> [String] {
        let ranked = ids.map { (SHA256.hex(Array("\(seed):\($0)".utf8)), $0) }.sorted { $0 < $1 }
        return ranked.prefix(size).map(\.1).sorted()
    }

    /// How the pack explains the pick.
    public static let method = "sorted by the SHA-256 of SEED:ID (the seed, a colon and the postmortem ID, in UTF-8; the digest as lowercase hex), the first N taken"
}
