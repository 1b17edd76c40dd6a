import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import AftermathLanguageServer

/// Frames read from a real pipe.
final class FrameReaderTests: XCTestCase {
    private func frames(_ input: String) -> [FrameReader.Frame] {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let bytes = Array(input.utf8)
        XCTAssertEqual(bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }, bytes.count)
        close(fds[1])
        defer { close(fds[0]) }
        let reader = FrameReader(fd: fds[0])
        var found: [FrameReader.Frame] = []
        while true {
            let frame = reader.next()
            found.append(frame)
            if frame == .end { return found }
        }
    }

    func testHeadersInAnyCaseAndOrder() {
        XCTAssertEqual(frames("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}"),
                       [.message(Array("{}".utf8)), .end])
    }

    func testAMissingOrUnreadableLengthIsReportedAndSkipped() {
        XCTAssertEqual(frames("X-Other: 1\r\n\r\nContent-Length: 2\r\n\r\n{}"), [.badHeader("no `Content-Length` header"), .message(Array("{}".utf8)), .end])
        XCTAssertEqual(frames("Content-Length: two\r\n\r\n"), [.badHeader("`Content-Length: two` is not a byte count"), .end])
    }

    func testATruncatedInputEnds() {
        XCTAssertEqual(frames("Content-Length: 10\r\n\r\n{}"), [.end])
    }
}
