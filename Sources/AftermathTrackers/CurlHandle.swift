import Foundation
import CCurl

/// One libcurl easy handle, sending one request at a time. It keeps its connection open
/// between requests (a tracker's next page reuses it) unless told to use a connection of its
/// own. Owned by one thread at a time (`HTTPTransport` lends them out).
final class CurlHandle {
    /// The largest answer read; a larger one fails rather than filling memory.
    static let largestAnswer = 64 << 20

    /// Why a transfer failed: libcurl's code and its message.
    struct Failure: Error {
        var code: CURLcode
        var message: String

        var timedOut: Bool { code == CURLE_OPERATION_TIMEDOUT }
        /// The server's certificate was not trusted, or the trusted certificates could not be read.
        var certificate: Bool { code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE }
        var tooLarge: Bool { code == CURLE_WRITE_ERROR }
    }

    /// What one request needs besides itself.
    struct Settings {
        var timeoutSeconds: Int
        var proxy: ProxySettings
        var authorities: CertificateAuthorities
        /// A connection of its own, closed afterwards: for a request that must not be sent twice
        /// (libcurl sends a request again when a reused connection turns out to be closed).
        var freshConnection = false
    }

    private static let initialised: Void = { curl_global_init(Int(CURL_GLOBAL_ALL)) }()

    private let handle: UnsafeMutableRawPointer

    init?() {
        Self.initialised
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
    }

    deinit { curl_easy_cleanup(handle) }

    /// Collects an answer's headers and body as libcurl hands them over.
    private final class Answer {
        var body = Data()
        var headers: [String: String] = [:]
        var tooLarge = false
    }

    func perform(_ request: HTTPRequest, _ settings: Settings) -> Result<HTTPResponse, Failure> {
        curl_easy_reset(handle)
        let answer = Answer()
        var errorText = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        // libcurl's default `Expect: 100-continue` for larger bodies costs a round trip or a
        // one-second wait; the APIs answer at once.
        for line in request.headers.map({ "\($0.name): \($0.value)" }) + ["Expect:"] {
            headerList = curl_slist_append(headerList, line)
        }
        let context = Unmanaged.passUnretained(answer).toOpaque()
        let code: CURLcode = errorText.withUnsafeMutableBufferPointer { errorBuffer in
            set(CURLOPT_URL, request.url)
            set(CURLOPT_NOSIGNAL, 1)
            set(CURLOPT_TIMEOUT_MS, settings.timeoutSeconds * 1000)
            set(CURLOPT_CONNECTTIMEOUT_MS, settings.timeoutSeconds * 1000)
            aftermath_curl_set_pointer(handle, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList))
            aftermath_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer.baseAddress))
            // Empty values turn off libcurl's own reading of the process's environment: the
            // proxy is chosen from the environment given, once, by `ProxySettings`.
            set(CURLOPT_PROXY, settings.proxy.proxy ?? "")
            set(CURLOPT_NOPROXY, settings.proxy.noProxy ?? "")
            switch settings.authorities {
            case .system: break
            case .file(let path, _): set(CURLOPT_CAINFO, path)
            case .bundle(let bytes, _):
                _ = bytes.withUnsafeBytes { aftermath_curl_set_blob(handle, CURLOPT_CAINFO_BLOB, $0.baseAddress, $0.count) }
            }
            if settings.freshConnection {
                set(CURLOPT_FRESH_CONNECT, 1)
                set(CURLOPT_FORBID_REUSE, 1)
            }
            switch (request.method, request.body) {
            case ("GET", nil): set(CURLOPT_HTTPGET, 1)
            case (let method, let body):
                if method == "POST" { set(CURLOPT_POST, 1) } else { set(CURLOPT_CUSTOMREQUEST, method) }
                if let body {
                    aftermath_curl_set_large(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
                    _ = body.withUnsafeBytes { aftermath_curl_set_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress)) }
                }
            }
            aftermath_curl_set_pointer(handle, CURLOPT_WRITEDATA, context)
            aftermath_curl_set_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
                guard let data, let context else { return 0 }
                let answer = Unmanaged<Answer>.fromOpaque(context).takeUnretainedValue()
                let length = size * count
                if answer.body.count + length > CurlHandle.largestAnswer { answer.tooLarge = true; return 0 }
                data.withMemoryRebound(to: UInt8.self, capacity: length) { answer.body.append($0, count: length) }
                return length
            }
            aftermath_curl_set_pointer(handle, CURLOPT_HEADERDATA, context)
            aftermath_curl_set_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
                guard let data, let context else { return 0 }
                let answer = Unmanaged<Answer>.fromOpaque(context).takeUnretainedValue()
                let length = size * count
                let line = data.withMemoryRebound(to: UInt8.self, capacity: length) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
                }.trimmingCharacters(in: .whitespacesAndNewlines)
                // Each status line starts an answer's headers anew (a proxy's answer to
                // CONNECT, an interim 1xx come before the server's own).
                if line.hasPrefix("HTTP/") {
                    answer.headers = [:]
                } else if let colon = line.firstIndex(of: ":") {
                    let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                    answer.headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                return length
            }
            return curl_easy_perform(handle)
        }
        guard code == CURLE_OK else {
            let detail = String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let message = answer.tooLarge ? "the answer is larger than \(Self.largestAnswer >> 20) MiB"
                : detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            return .failure(Failure(code: code, message: message))
        }
        var status = 0
        aftermath_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, headers: answer.headers, body: answer.body))
    }

    private func set(_ option: CURLoption, _ value: Int) {
        aftermath_curl_set_long(handle, option, value)
    }

    private func set(_ option: CURLoption, _ value: String) {
        aftermath_curl_set_string(handle, option, value)
    }
}
