import XCTest
@testable import AftermathCore

/// Document text in reports is data, never markup: table cells cannot break out of their
/// column or row in Markdown, and nothing becomes a tag or attribute in the HTML dashboard.
final class ReportEscapingTests: XCTestCase {
    func report(_ text: String, link: String? = nil) -> ReportDocument {
        var report = ReportDocument(title: "T <b>")
        report.add(.paragraph(text))
        report.add(.table(caption: nil, headers: ["A"], rows: [[.init(text, link: link)], [.init("plain")]]))
        return report
    }

    func testMarkdownCellsAndTextAreEscaped() {
        let text = ReportMarkdown.render(report("a | b\nc <script>x</script>"))
        XCTAssertTrue(text.hasPrefix("# T &lt;b>\n"), text)
        XCTAssertTrue(text.contains("| a \\| b\\u{a}c &lt;script>x&lt;/script> |\n"), "a line break is shown, not taken: \(text)")
        XCTAssertTrue(text.contains("| plain |\n"), text)
        XCTAssertFalse(text.contains("<script"), text)
        XCTAssertTrue(ReportMarkdown.render(report("x", link: "https://e.example/a b)")).contains("[x](https://e.example/a%20b%29)"))
        // Each character that would end a link alone, so no other one hides a check that misses it.
        XCTAssertTrue(ReportMarkdown.render(report("x", link: "https://e.example/a)b")).contains("[x](https://e.example/a%29b)"))
        XCTAssertTrue(ReportMarkdown.render(report("x", link: "https://e.example/a b")).contains("[x](https://e.example/a%20b)"))
        XCTAssertEqual(SafeLink("https://e.example/plain")?.target, "https://e.example/plain")
        XCTAssertTrue(ReportMarkdown.render(report("bell \u{7}")).contains("bell \\u{7}"), "control characters are shown, not sent")
    }

    func testHTMLEscapesEverySpecialCharacter() {
        let html = ReportHTML.render(report("<img src=x onerror='a'> & \"q\""), generated: "2026-11-29")
        XCTAssertFalse(html.contains("<img"), html)
        XCTAssertTrue(html.contains("&lt;img src=x onerror=&#39;a&#39;&gt; &amp; &quot;q&quot;"), html)
        XCTAssertTrue(html.contains("<td>plain</td>"), html)
        XCTAssertEqual(ReportHTML.escape("plain text"), "plain text")
        // Each special character alone, so no other one hides a check that misses it.
        for (raw, escaped) in [("a&b", "a&amp;b"), ("a<b", "a&lt;b"), ("a>b", "a&gt;b"), ("a\"b", "a&quot;b"), ("a'b", "a&#39;b")] {
            XCTAssertEqual(ReportHTML.escape(raw), escaped)
        }
        XCTAssertFalse(ReportHTML.render(report("x", link: "javascript:alert(1)"), generated: "").contains("javascript:"), "only http(s) links")
    }
}
