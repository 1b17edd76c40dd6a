/// What a tracker's HTTPS certificate is checked against: the bundle its `ca_bundle` names (a
/// file in the repository, read as bytes), else the file named by `CURL_CA_BUNDLE` or
/// `SSL_CERT_FILE` (as curl(1) and OpenSSL read them), else the system's store.
public enum CertificateAuthorities: Sendable, Equatable {
    case system
    /// A PEM file named by the environment.
    case file(path: String, variable: String)
    /// The PEM bytes of the tracker's `ca_bundle`.
    case bundle([UInt8], path: String)

    /// The tracker's own bundle when it has one, else what the environment names.
    public static func choose(bundle: (bytes: [UInt8], path: String)?, environment: [String: String]) -> CertificateAuthorities {
        if let bundle { return .bundle(bundle.bytes, path: bundle.path) }
        for variable in ["CURL_CA_BUNDLE", "SSL_CERT_FILE"] {
            if let path = environment[variable], !path.isEmpty { return .file(path: path, variable: variable) }
        }
        return .system
    }

    /// Where the certificates come from, for messages.
    var source: String {
        switch self {
        case .system: return "the system's certificate store"
        case .file(let path, let variable): return "`\(path)` (`\(variable)`)"
        case .bundle(_, let path): return "`\(path)` (`ca_bundle`)"
        }
    }
}
