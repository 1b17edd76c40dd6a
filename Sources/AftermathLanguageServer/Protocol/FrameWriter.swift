import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes frames (`Content-Length` header and JSON body) to a file descriptor, one whole frame
/// at a time.
public final class FrameWriter: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    /// False once the other end is gone; later writes are dropped.
    private var open = true

    public init(fd: Int32) { self.fd = fd }

    public func write(_ body: [UInt8]) {
        let frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        lock.lock()
        defer { lock.unlock() }
        guard open else { return }
        var written = 0
        while written < frame.count {
            let n = frame.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, frame.count - written) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                open = false
                return
            }
            written += n
        }
    }
}
