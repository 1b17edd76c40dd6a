import Foundation
import XCTest

/// A certificate authority made for one test with openssl(1), and a server certificate it
/// signs for 127.0.0.1: a tracker no system store trusts.
struct ThrowawayCA {
    let folder: TemporaryDirectory
    /// The authority's certificate (PEM): the bundle a client must be given.
    var authorityCertificate: String { folder.path("ca.pem").path }
    var serverCertificate: String { folder.path("server.pem").path }
    var serverKey: String { folder.path("server.key").path }

    init() throws {
        folder = try TemporaryDirectory()
        try folder.write("server.ext", "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n")
        for arguments in [
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
             "-subj", "/CN=Aftermath Throwaway Test CA", "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
            ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"],
            ["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-out", "server.pem", "-days", "2", "-extfile", "server.ext"],
        ] {
            let result = try CLI.run("/usr/bin/env", ["openssl"] + arguments, in: folder.url)
            XCTAssertEqual(result.status, 0, "openssl \(arguments.prefix(2).joined(separator: " ")): \(result.stderr)")
        }
    }
}
