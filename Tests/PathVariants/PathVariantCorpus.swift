import Foundation
import AftermathCore
#if canImport(Glibc)
import Glibc
#endif

/// Seeded sets of document file names that git keeps apart and text easily merges: composed
/// and decomposed forms, case variants, bytes that are not UTF-8, names equal once trimmed,
/// and deep paths; each file a valid or an invalid finding of the example repository.
public struct PathVariantCorpus {
    public struct File {
        public var path: [UInt8]
        public var content: String
    }

    public var files: [File]

    /// The files as a snapshot's contents, keyed by their bytes.
    public var contents: [RepositoryPath: [UInt8]] {
        Dictionary(files.map { (RepositoryPath(bytes: $0.path), Array($0.content.utf8)) }, uniquingKeysWith: { a, _ in a })
    }

    public static let findings = "postmortems/PM-2026-003-export-bucket-exposure/findings/"

    /// - Parameter firstID: the number of the first finding ID the set uses (up to five).
    public init(seed: UInt64, firstID: Int = 11) {
        var random = SeededRandom(seed)
        var files: [File] = []
        let groups = 2 + random.next(4)
        for group in 0..<groups {
            let id = "F-2026-003-\(firstID + group)"
            let base = ["caf", "re", "na", "ma"][random.next(4)]
            // Each group: names that all spell one word differently.
            var names: [[UInt8]] = []
            let variants = Variant.allCases.shuffled(using: &random).prefix(2 + random.next(3))
            for variant in variants { names.append(Array("\(id)-".utf8) + variant.spell(base)) }
            for name in Set(names.map { $0 }) .sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                let deep = random.next(5) == 0
                let folder = Array(Self.findings.utf8) + (deep ? Array("deep/a/b/c/d/e/f/g/h/".utf8) : [])
                let valid = random.next(2) == 0
                files.append(File(path: folder + name + Array(".md".utf8), content: Self.finding(id: id, valid: valid)))
            }
        }
        self.files = files
    }

    enum Variant: CaseIterable {
        case composed, decomposed, upper, latin1, spaced, leadingSpace, plain

        /// `base` + "é" (or "e"), in this variant's bytes.
        func spell(_ base: String) -> [UInt8] {
            switch self {
            case .composed: return Array(base.utf8) + [0xC3, 0xA9]
            case .decomposed: return Array(base.utf8) + [0x65, 0xCC, 0x81]
            case .upper: return Array(base.uppercased().utf8) + [0xC3, 0x89]
            case .latin1: return Array(base.utf8) + [0xE9]
            case .spaced: return Array(base.utf8) + [0x65, 0x20]
            case .leadingSpace: return [0x20] + Array(base.utf8) + [0x65]
            case .plain: return Array(base.utf8) + [0x65]
            }
        }
    }

    public static func finding(id: String, valid: Bool) -> String {
        """
        ---
        id: \(id)
        kind: finding
        postmortem: PM-2026-003
        title: Generated \(id)
        category: attack-vector
        owner: \(valid ? "security" : "securty")
        bugs: [JIRA:SEC-\(id.suffix(2))]
        status: open
        ---
        Generated.

        """
    }

    /// Writes the files under `root` by their bytes (a name that is not UTF-8 cannot go through
    /// `FileManager`).
    public func write(under root: URL) throws {
        for file in files {
            let full = Array(root.path.utf8) + [UInt8(ascii: "/")] + file.path
            var end = full.count
            while end > 0 && full[end - 1] != UInt8(ascii: "/") { end -= 1 }
            try FileManager.default.createDirectory(atPath: String(decoding: full[..<(end - 1)], as: UTF8.self), withIntermediateDirectories: true)
            let fd = (full + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) } }
            guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
            let bytes = Array(file.content.utf8)
            _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
    }
}

/// SplitMix64: the same numbers for a seed on every machine.
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    public init(_ seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
