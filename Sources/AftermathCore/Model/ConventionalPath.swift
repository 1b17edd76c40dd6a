/// What a document's path says by the naming convention `aftermath new` follows
/// (`postmortems/PM-2026-007-slug/postmortem.md`, `…/findings/F-2026-007-01-slug.md`): the ID
/// its file (or, for `postmortem.md`, its folder) is named after, and the postmortem whose
/// folder it is filed under. Worked out over the path's bytes, without slicing strings: every
/// document's path passes through here on each run.
public struct ConventionalPath {
    public let path: RepositoryPath

    public init(_ path: RepositoryPath) { self.path = path }

    /// The ID the file is named after for a document of `kind`: a finding's or item's file
    /// name, a postmortem's folder (`postmortem.md` is its only conventional name); nil when the
    /// name carries none.
    public func namedID(for kind: DocumentKind) -> String? {
        path.withByteBuffer { bytes in
            let slash = bytes.lastIndex(of: UInt8(ascii: "/"))
            let file = UnsafeBufferPointer(rebasing: bytes[(slash.map { $0 + 1 } ?? 0)...])
            let name: UnsafeBufferPointer<UInt8>, length: Int?
            if kind == .postmortem {
                guard let slash, file.elementsEqual("postmortem.md".utf8) else { return nil }
                name = UnsafeBufferPointer(rebasing: bytes[((bytes[..<slash].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 }) ?? 0)..<slash])
                length = Self.leadingIDLength(name, prefix: "PM-", groups: 2)
            } else {
                name = file
                length = Self.leadingIDLength(name, prefix: kind.idPrefix, groups: 3)
            }
            return length.map { String(decoding: UnsafeBufferPointer(rebasing: name[0..<$0]), as: UTF8.self) }
        }
    }

    /// `PM-2026-007` for a path inside a `PM-2026-007-slug/` folder (the outermost such
    /// folder); nil when none of its folders is named after a postmortem.
    public var postmortemFolderID: String? {
        path.withByteBuffer { bytes in
            var start = 0
            for i in bytes.indices where bytes[i] == UInt8(ascii: "/") {
                let component = UnsafeBufferPointer(rebasing: bytes[start..<i])
                if let length = Self.leadingIDLength(component, prefix: "PM-", groups: 2) {
                    return String(decoding: UnsafeBufferPointer(rebasing: component[0..<length]), as: UTF8.self)
                }
                start = i + 1
            }
            return nil
        }
    }

    /// The length in bytes of the ID a name starts with (`PM-2026-007` of `PM-2026-007-slug`:
    /// the prefix and `groups` dash-separated digit runs, then a dash, a dot or the end), nil
    /// when it has none.
    static func leadingIDLength(_ bytes: UnsafeBufferPointer<UInt8>, prefix: String, groups: Int) -> Int? {
        guard bytes.starts(with: prefix.utf8) else { return nil }
        var i = prefix.utf8.count
        for group in 0..<groups {
            if group > 0 {
                guard i < bytes.count, bytes[i] == UInt8(ascii: "-") else { return nil }
                i += 1
            }
            let digits = i
            while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
            guard i != digits else { return nil }
        }
        guard i == bytes.count || bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: ".") else { return nil }
        return i
    }
}
