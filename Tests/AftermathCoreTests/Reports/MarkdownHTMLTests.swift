import XCTest
@testable import AftermathCore

/// Body sections in HTML reports: examples from the CommonMark spec (0.31) for each construct
/// the reports render, compared with whitespace between and inside block tags ignored (the
/// spec's output puts each block on its own line). Where the spec's output holds a raw tag or
/// a relative link, the report's policy differs on purpose: raw HTML is text, and only http,
/// https and mailto targets are links.
final class MarkdownHTMLTests: XCTestCase {
    func normalised(_ html: String) -> String {
        html.replacingOccurrences(of: #">\s+<"#, with: "><", options: .regularExpression)
            .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            .trimmingCharacters(in: .whitespaces)
    }

    func check(_ markdown: String, _ html: String, _ section: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(normalised(MarkdownHTML.block(markdown)), normalised(html), section, file: file, line: line)
    }

    func testListsFromTheSpec() {
        check("- foo\n- bar\n+ baz\n", "<ul><li>foo</li><li>bar</li></ul><ul><li>baz</li></ul>", "Lists: changing the bullet starts a new list")
        check("1. foo\n2. bar\n3) baz\n", "<ol><li>foo</li><li>bar</li></ol><ol start=\"3\"><li>baz</li></ol>", "Lists: changing the delimiter starts a new list")
        check("Foo\n- bar\n- baz\n", "<p>Foo</p><ul><li>bar</li><li>baz</li></ul>", "Lists: a list can interrupt a paragraph")
        check("- foo\n  - bar\n    - baz\n      - boo\n", "<ul><li>foo<ul><li>bar<ul><li>baz<ul><li>boo</li></ul></li></ul></li></ul></li></ul>", "Lists: nesting by indentation")
        check("10) foo\n    - bar\n", "<ol start=\"10\"><li>foo<ul><li>bar</li></ul></li></ol>", "Lists: a sublist under an ordered item")
        check("- a\n- b\n\n* c\n", "<ul><li>a</li><li>b</li></ul><ul><li>c</li></ul>", "Lists: `*` after `-`")
        check("- foo\n1. bar\n", "<ul><li>foo</li></ul><ol><li>bar</li></ol>", "Lists: an ordered item after a bullet starts a new list")
        check("* foo\n2) bar\n", "<ul><li>foo</li></ul><ol start=\"2\"><li>bar</li></ol>", "Lists: any start number after a bullet")
        check("The number of windows in my house is\n14.  The number of doors is 6.\n",
              "<p>The number of windows in my house is 14.  The number of doors is 6.</p>", "Lists: only 1 interrupts a paragraph")
        check("The number of windows in my house is\n1.  The number of doors is 6.\n",
              "<p>The number of windows in my house is</p><ol><li>The number of doors is 6.</li></ol>", "Lists: 1 interrupts a paragraph")
    }

    func testCodeFromTheSpec() {
        XCTAssertEqual(MarkdownHTML.block("```\n<\n >\n```\n"), "<pre><code>&lt;\n &gt;\n</code></pre>", "Fenced code blocks")
        XCTAssertEqual(MarkdownHTML.block("```ruby\ndef foo(x)\n  return 3\nend\n```\n"),
                       "<pre><code class=\"language-ruby\">def foo(x)\n  return 3\nend\n</code></pre>", "Fenced code blocks: info string")
        check("`foo`", "<p><code>foo</code></p>", "Code spans")
        check("`<a href=\"foo\">`", "<p><code>&lt;a href=&quot;foo&quot;&gt;</code></p>", "Code spans: raw HTML inside is text")
        check("*foo`*`", "<p>*foo<code>*</code></p>", "Code spans bind more tightly than emphasis")
    }

    func testEmphasisFromTheSpec() {
        check("*foo bar*", "<p><em>foo bar</em></p>", "Emphasis with *")
        check("_foo bar_", "<p><em>foo bar</em></p>", "Emphasis with _")
        check("**foo bar**", "<p><strong>foo bar</strong></p>", "Strong emphasis")
        check("*foo **bar** baz*", "<p><em>foo <strong>bar</strong> baz</em></p>", "Strong inside emphasis")
    }

    func testBackslashEscapesFromTheSpec() {
        check("\\*not emphasized*\n\\<br/> not a tag\n\\[not a link](/foo)\n\\`not code`",
              "<p>&#42;not emphasized* &#60;br/&gt; not a tag &#91;not a link](/foo) &#96;not code`</p>", "Backslash escapes")
        check("\\\\*emphasis*", "<p>&#92;<em>emphasis</em></p>", "Backslash escapes: an escaped backslash")
    }

    func testParagraphsAndHeadingsFromTheSpec() {
        check("aaa\n\nbbb\n", "<p>aaa</p><p>bbb</p>", "Paragraphs")
        check("aaa\nbbb\n", "<p>aaa bbb</p>", "Paragraphs: a soft line break")
        check("### foo\nbar", "<h3>foo</h3><p>bar</p>", "ATX headings")
    }

    func testLinksAreLimitedToSafeTargets() {
        check("[link](https://example.com/uri)", "<p><a href=\"https://example.com/uri\">link</a></p>", "Links (an absolute target)")
        check("[link](https://example.com/foo(and(bar)))", "<p><a href=\"https://example.com/foo%28and%28bar%29%29\">link</a></p>", "Links: balanced parentheses")
        check("[link](/uri)", "<p>link</p>", "a relative target is text")
        check("[a](javascript:alert(1))", "<p>a</p>", "javascript: is text")
        check("[a](JaVaScRiPt:alert(1)) [b](data:text/html,x) [c](mailto:a@example.org)", "<p>a b <a href=\"mailto:a@example.org\">c</a></p>", "only http, https and mailto")
        check("[a](https://e.example/\"onmouseover=\"x)", "<p><a href=\"https://e.example/%22onmouseover=%22x\">a</a></p>", "a quote cannot leave the attribute")
        check("[foo][bar]\n\n[bar]: https://example.com/ref", "<p><a href=\"https://example.com/ref\">foo</a></p>", "Full reference links")
        check("[foo][bar]\n\n[bar]: javascript:alert(1)", "<p>foo</p>", "an unsafe reference definition")
        check("a ![alt](https://example.com/i.png)", "<p>a <a href=\"https://example.com/i.png\">alt</a></p>", "an image becomes a link: the page loads nothing")
        check("[a](https://e.example/\\(x\\))", "<p><a href=\"https://e.example/%28x%29\">a</a></p>", "Backslash escapes in a destination")
    }

    func testRawHTMLIsText() {
        check("<a><bab><c2c>", "<p>&lt;a&gt;&lt;bab&gt;&lt;c2c&gt;</p>", "Raw HTML (the spec passes it through)")
        check("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", "a script block")
        check("a <img src=x onerror=alert(1)> b", "<p>a &lt;img src=x onerror=alert(1)&gt; b</p>", "an inline tag")
        check("&lt;b&gt; &amp; &copy;", "<p>&amp;lt;b&amp;gt; &amp;amp; &amp;copy;</p>", "entity references are shown as written")
        XCTAssertEqual(MarkdownHTML.inline("`x` and *y* \u{1B}[2J"), "<code>x</code> and <em>y</em> &#92;u{1b}[2J", "a control character is shown escaped")
        XCTAssertEqual(MarkdownHTML.inline("- not a list"), "- not a list")
        XCTAssertEqual(MarkdownHTML.inline("`a\\*b` c\\d"), "<code>a\\*b</code> c&#92;d", "a backslash in code, and before a letter, is itself")
        XCTAssertEqual(MarkdownHTML.inline("1. not a list"), "1. not a list")
    }
}
