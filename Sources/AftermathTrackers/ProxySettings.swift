import Foundation

/// The proxy a tracker's requests go through, from the environment as curl(1) and most
/// command-line tools read it: `https_proxy`/`HTTPS_PROXY` for an `https` API, `http_proxy`/
/// `HTTP_PROXY` for an `http` one, `all_proxy`/`ALL_PROXY` for either, the lowercase name first;
/// `no_proxy`/`NO_PROXY` lists the hosts reached directly (names, domain suffixes, addresses,
/// `*` for all). libcurl alone ignores `HTTP_PROXY` (a CGI program's environment may carry a
/// client's `Proxy:` header under that name); a command run by its user has no such risk.
struct ProxySettings: Sendable, Equatable {
    /// The proxy URL; nil to connect directly.
    var proxy: String?
    /// What `no_proxy` says, as libcurl matches it.
    var noProxy: String?

    init(proxy: String? = nil, noProxy: String? = nil) {
        self.proxy = proxy
        self.noProxy = noProxy
    }

    init(for url: String, environment: [String: String]) {
        func value(_ name: String) -> String? {
            for key in [name.lowercased(), name.uppercased()] {
                if let value = environment[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
            }
            return nil
        }
        let scheme = url.lowercased().hasPrefix("https:") ? "https" : "http"
        proxy = value("\(scheme)_proxy") ?? value("all_proxy")
        noProxy = value("no_proxy")
    }

    /// The proxy's password, which errors must not show (`http://user:secret@proxy:3128`).
    var password: String? {
        guard let proxy, let components = URLComponents(string: proxy) else { return nil }
        return components.password.flatMap { $0.isEmpty ? nil : $0 }
    }
}
