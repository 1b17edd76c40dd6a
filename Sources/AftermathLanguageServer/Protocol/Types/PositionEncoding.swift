/// How `Position.character` counts (LSP 3.17 `PositionEncodingKind`): UTF-16 code units unless
/// the client offers another and the server picks it.
public enum PositionEncoding: String, Codable, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// The server's choice among the client's offer: UTF-8 when offered (the documents' own
    /// encoding), else UTF-16, which every client must support.
    public static func negotiate(_ offered: [String]?) -> PositionEncoding {
        (offered ?? []).contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
    }

    /// Code units of one Unicode scalar.
    func units(of scalar: Unicode.Scalar) -> Int {
        switch self {
        case .utf8: return scalar.utf8.count
        case .utf16: return scalar.utf16.count
        case .utf32: return 1
        }
    }
}
