#if canImport(Glibc)
import Glibc
#endif

/// Reads the base protocol's frames from a file descriptor: header lines (`Content-Length: N`),
/// an empty line, then N bytes of JSON. A header block that cannot be used is reported and
/// skipped, so one bad frame does not end the session.
public final class FrameReader: @unchecked Sendable {  // used by the one thread that reads
    public enum Frame: Equatable {
        case message([UInt8])
        /// Headers without a usable `Content-Length`; the text says what was wrong.
        case badHeader(String)
        /// End of input: the client is gone.
        case end
    }

    /// The largest body accepted; a longer one is read and dropped, never held.
    public static let maxBodyBytes = 256 << 20
    /// A header line longer than this is noise, not a header.
    static let maxHeaderLine = 8 << 10

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    public init(fd: Int32) { self.fd = fd }

    /// Whether a whole frame (or a header block that will be reported) is buffered, so that
    /// `next()` returns without waiting for input.
    public var hasBufferedFrame: Bool {
        var lineStart = start
        var length: Int?
        var sawHeader = false
        while let newline = buffer[lineStart...].firstIndex(of: 0x0A) {
            var end = newline
            if end > lineStart && buffer[end - 1] == 0x0D { end -= 1 }
            let line = Array(buffer[lineStart..<end])
            lineStart = newline + 1
            if line.isEmpty {
                guard sawHeader else { continue }
                guard let length else { return true }
                return buffer.count - lineStart >= length
            }
            sawHeader = true
            if let value = Self.contentLength(in: line) { length = Int(value) ?? 0 }
        }
        return false
    }

    /// The next frame, reading (blocking) as needed.
    public func next() -> Frame {
        var length: Int?
        var problem: String?
        var sawHeader = false
        while true {
            guard let line = readLine() else { return .end }
            if line.isEmpty {
                // Blank lines between frames are not a header block.
                if !sawHeader { continue }
                break
            }
            sawHeader = true
            // What is left of a body shorter than its announced length runs into the next
            // header line: the header is taken from where it starts.
            if let value = Self.contentLength(in: line) {
                if let n = Int(value), n >= 0 {
                    length = n
                    problem = nil
                } else {
                    problem = "`Content-Length: \(value)` is not a byte count"
                }
            } else if !line.contains(UInt8(ascii: ":")) {
                problem = "a header line without `:`"
            }
        }
        guard let length else { return .badHeader(problem ?? "no `Content-Length` header") }
        guard length <= Self.maxBodyBytes else {
            discard(length)
            return .badHeader("a body of \(length) bytes is over the limit of \(Self.maxBodyBytes)")
        }
        guard let body = read(length) else { return .end }
        return .message(body)
    }

    /// The value of a `Content-Length` header in `line` (its name in any case), from its last
    /// occurrence.
    static func contentLength(in line: [UInt8]) -> String? {
        let name = Array("content-length:".utf8)
        let lowered = line.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        guard lowered.count >= name.count else { return nil }
        for i in stride(from: lowered.count - name.count, through: 0, by: -1) where lowered[i..<i + name.count].elementsEqual(name) {
            return String(decoding: line[(i + name.count)...], as: UTF8.self).trimmingSpaces
        }
        return nil
    }

    /// One header line without its line end, nil at the end of input.
    private func readLine() -> [UInt8]? {
        var scanned = start
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[start..<end].suffix(Self.maxHeaderLine))
                start = newline + 1
                compact()
                return line
            }
            scanned = buffer.count
            guard fill() else { return nil }
        }
    }

    private func read(_ count: Int) -> [UInt8]? {
        while buffer.count - start < count {
            guard fill() else { return nil }
        }
        let body = Array(buffer[start..<start + count])
        start += count
        compact()
        return body
    }

    private func discard(_ count: Int) {
        var left = count
        while left > 0 {
            if start == buffer.count, !fill() { return }
            let taken = min(left, buffer.count - start)
            start += taken
            left -= taken
            compact()
        }
    }

    /// Reads what is available; false at the end of input.
    private func fill() -> Bool {
        if atEnd { return false }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                atEnd = true
                return false
            }
            buffer += chunk[0..<n]
            return true
        }
    }

    private func compact() {
        if start > 1 << 16 || start == buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
