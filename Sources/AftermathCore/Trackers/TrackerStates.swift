/// The kept states of every referenced issue: derived data kept under `.git/aftermath/`
/// (never in the working tree), versioned and checksummed, rebuilt by the next refresh when
/// damaged. The text form, one issue a line, tab-separated:
///
///     aftermath-tracker-states 2 <checksum of the lines below, 16 hex digits>
///     <reference> <tracker> <fetched at> <exists|missing> <open|closed> <status> <resolution> <assignee> <updated> <closed at> <etag>
///
/// Empty fields are absent values; `\`, tab and line breaks in values are escaped (`\\`, `\t`, `\n`, `\r`).
/// Versions: 1, the first; 2 adds the ETag (GitHub's conditional requests).
public struct TrackerStates: Sendable, Equatable {
    public static let formatVersion = 2
    static let magic = "aftermath-tracker-states"

    public private(set) var byReference: [String: TrackerState] = [:]

    public init(_ states: [TrackerState] = []) {
        for state in states { byReference[state.reference] = state }
    }

    public subscript(reference: String) -> TrackerState? { byReference[reference] }

    public var isEmpty: Bool { byReference.isEmpty }

    /// In reference order.
    public var states: [TrackerState] { byReference.keys.sorted().compactMap { byReference[$0] } }

    /// These states with `newer` ones replacing those of the same references.
    public func merging(_ newer: [TrackerState]) -> TrackerStates {
        var merged = self
        for state in newer { merged.byReference[state.reference] = state }
        return merged
    }

    /// Each state marked stale when fetched before `cutoff`.
    func markingStale(before cutoff: Timestamp) -> TrackerStates {
        var marked = self
        for (reference, state) in byReference { marked.byReference[reference]?.isStale = state.fetchedAt < cutoff }
        return marked
    }

    /// Identifies the states and which of them are stale (what rules judge by).
    var fingerprint: UInt64 {
        Fingerprint.of(Array(body.utf8) + states.map { $0.isStale ? 1 : 0 })
    }

    // MARK: The file

    public func encoded() -> [UInt8] {
        let body = self.body
        return Array("\(Self.magic) \(Self.formatVersion) \(Self.hex(Fingerprint.of(Array(body.utf8))))\n\(body)".utf8)
    }

    /// Nil when the bytes are not this version's, or are damaged (checksum, shape).
    public init?(decoding bytes: [UInt8]) {
        guard let newline = bytes.firstIndex(of: 0x0A) else { return nil }
        let header = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: " ")
        let body = Array(bytes[(newline + 1)...])
        guard header.count == 3, header[0] == Self.magic, header[1] == "\(Self.formatVersion)",
              header[2] == Self.hex(Fingerprint.of(body)),
              let text = String(validating: body, as: UTF8.self) else { return nil }
        var states: [TrackerState] = []
        for line in text.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map { Self.unescape($0) }
            guard f.count == 11, let fetched = Timestamp.parseDateTime(f[2]), ["exists", "missing"].contains(f[3]),
                  ["open", "closed"].contains(f[4]) else { return nil }
            func optional(_ s: String) -> String? { s.isEmpty ? nil : s }
            states.append(TrackerState(reference: f[0], tracker: f[1], fetchedAt: fetched, exists: f[3] == "exists",
                                       isOpen: f[4] == "open", status: f[5], resolution: optional(f[6]),
                                       assignee: optional(f[7]), updated: optional(f[8]), closedAt: optional(f[9]), etag: optional(f[10])))
        }
        self.init(states)
    }

    private var body: String {
        states.map { s in
            [s.reference, s.tracker, s.fetchedAt.rfc3339, s.exists ? "exists" : "missing", s.isOpen ? "open" : "closed",
             s.status, s.resolution ?? "", s.assignee ?? "", s.updated ?? "", s.closedAt ?? "", s.etag ?? ""].map(Self.escape).joined(separator: "\t") + "\n"
        }.joined()
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func escape(_ value: String) -> String {
        var out = ""
        for c in value.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func unescape(_ field: Substring) -> String {
        var out = ""
        var escaped = false
        for c in field.unicodeScalars {
            if escaped {
                switch c {
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(c)
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
