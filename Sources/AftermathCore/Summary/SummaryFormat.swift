/// The layout of the summary file (`.git/aftermath/summary-v<version>`): what a full validation of one
/// state of the repository learnt, laid out so a later run can read it in place.
///
/// All integers little-endian. Header (128 bytes): magic `AFTMSUM1`, checksum of everything
/// after it, format version, flags (bit 0: a tree ID is recorded), ruleset fingerprint, tree
/// ID (20 bytes), the producer (an ID of the program that wrote it, 8 bytes), 8 reserved bytes,
/// table counts (documents, keys, components, members, referrers) and table offsets. Then, each table's records of fixed size:
/// - documents, sorted by path bytes (64 bytes each): path, blob ID, component, diagnostics
///   (all but the dated rules'), key of its own ID, kind, flags, listed fields, and what the
///   dated rules read of it (`DatedRule`, `DatedInput`: the rules that depend on the date),
///   judged again on each run so a summary holds on any day;
/// - keys (every ID a document has, links to or refers to), sorted by bytes (20 bytes each):
///   string, component of the documents having it as a key (or none), and the range of the
///   documents referring to it in the referrers table;
/// - components: start of each component's members, then the members (document numbers);
/// - referrers: document numbers, grouped by the key they refer to;
/// - strings, encoded diagnostics and dated inputs, and the fields listings show (`ByteWriter.listedFields`, without
///   positions, field names as one byte: `ListedFieldNames`).
/// A *component* is a set of documents connected through shared keys; see `Document.keys`.
enum SummaryFormat {
    static let magic = Array("AFTMSUM1".utf8)
    /// Bump on any change to the layout or to what a record means. 9: the inputs of every dated
    /// rule, each named by its rule's ID.
    static let version: UInt32 = 9
    static let headerSize = 128
    static let documentRecordSize = 64
    static let keyRecordSize = 20
    static let noKey = UInt32.max
    static let reservedSize = 8

    enum Offset {
        static let checksum = 8, version = 16, flags = 20, fingerprint = 24, tree = 32, producer = 52, reserved = 60
        static let counts = 68      // documents, keys, components, members, referrers
        static let tables = 88      // documents, keys, component starts, members, referrers, strings, diagnostics, views, end
    }

    enum DocumentField {
        static let path = 0, pathLength = 4, blob = 8, component = 28, diagnostics = 32, diagnosticsLength = 36
        static let idKey = 40, kind = 44, flags = 45, view = 48, viewLength = 52
        // The dated rules' inputs (`ByteWriter.datedInputs`) in the diagnostics table; length 0: none.
        static let dated = 56, datedLength = 60
    }

    enum Flag {
        static let hasBrokenLink: UInt8 = 1
        static let isOpen: UInt8 = 2
    }

    static func kindCode(_ kind: DocumentKind?) -> UInt8 {
        switch kind {
        case nil: return 0
        case .postmortem: return 1
        case .finding: return 2
        case .remediation: return 3
        }
    }

    static func kind(_ code: UInt8) -> DocumentKind? {
        switch code {
        case 1: return .postmortem
        case 2: return .finding
        case 3: return .remediation
        default: return nil
        }
    }
}
