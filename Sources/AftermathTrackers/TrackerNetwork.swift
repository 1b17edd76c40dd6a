/// What the tracker clients take from outside the configuration: the environment (tokens,
/// proxies, `CURL_CA_BUNDLE`/`SSL_CERT_FILE`) and the bytes of each tracker's `ca_bundle`,
/// read from the repository by the caller.
public struct TrackerNetwork: Sendable {
    public var environment: [String: String]
    /// By tracker name: the PEM bytes of its `ca_bundle` and the path they were read from.
    public var caBundles: [String: (bytes: [UInt8], path: String)]
    /// By tracker name: why its `ca_bundle` could not be read (the tracker is then not asked).
    public var caBundleProblems: [String: String]

    public init(environment: [String: String], caBundles: [String: (bytes: [UInt8], path: String)] = [:],
                caBundleProblems: [String: String] = [:]) {
        self.environment = environment
        self.caBundles = caBundles
        self.caBundleProblems = caBundleProblems
    }

    func authorities(for tracker: String) -> CertificateAuthorities {
        .choose(bundle: caBundles[tracker], environment: environment)
    }
}
