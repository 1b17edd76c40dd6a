import Foundation
import XCTest

/// Debian's chromium, headless: how the HTML pages are checked in a real browser.
enum HeadlessChromium {
    /// The browser, or nil when it is not installed (scripts/test installs it).
    static var path: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile)
    }

    static func flags(profile dir: TemporaryDirectory) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=\(dir.path("profile").path)"]
    }

    /// Non-blank: the decompressed, still filtered scanlines of a blank page are nearly all
    /// zero; a rendered page has many distinct byte values.
    static func assertRendered(_ png: URL, in dir: TemporaryDirectory, file: StaticString = #filePath, line: UInt = #line) throws {
        let check = """
        import sys, zlib
        data = open(sys.argv[1], 'rb').read()
        assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
        pos, idat = 8, b''
        while pos < len(data):
            length = int.from_bytes(data[pos:pos+4], 'big'); kind = data[pos+4:pos+8]
            if kind == b'IDAT': idat += data[pos+8:pos+8+length]
            pos += 12 + length
        raw = zlib.decompress(idat)
        print(len(set(raw)), sum(1 for b in raw if b) / len(raw))
        """
        let stats = try CLI.run("/usr/bin/env", ["python3", "-c", check, png.path], in: dir.url)
        XCTAssertEqual(stats.status, 0, stats.stderr, file: file, line: line)
        let numbers = stats.stdout.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        XCTAssertGreaterThan(numbers.first ?? 0, 50, "distinct byte values in the screenshot", file: file, line: line)
        XCTAssertGreaterThan(numbers.last ?? 0, 0.01, "share of non-zero bytes", file: file, line: line)
    }
}
