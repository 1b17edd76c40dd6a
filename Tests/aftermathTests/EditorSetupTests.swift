import XCTest

/// `aftermath init --editor NAME` prints the editor's set-up of the language server, exactly as
/// docs/editors.md shows it, and changes nothing.
final class EditorSetupTests: XCTestCase {
    func testEachEditorsSetupIsPrintedAsTheDocsShowIt() throws {
        let docs = try String(contentsOf: CLI.packageRoot.appendingPathComponent("docs/editors.md"), encoding: .utf8)
        let dir = try TemporaryDirectory()
        for editor in ["neovim", "helix", "emacs", "zed", "sublime", "vscode"] {
            let result = try CLI.aftermath(["init", "--editor", editor], in: dir.url)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains("\"lsp\"") || result.stdout.contains("lsp --stdio") || result.stdout.contains("\"lsp\".into()"), result.stdout)
            // Each block of the snippet (Zed's has two) is in the docs as it is printed.
            for block in result.stdout.components(separatedBy: "\n\n") where !block.isEmpty {
                XCTAssertTrue(docs.contains(block.trimmingCharacters(in: .newlines)), "\(editor): docs/editors.md does not show\n\(block)")
            }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.url.path), [], "nothing was created")
        let unknown = try CLI.aftermath(["init", "--editor", "neovin"], in: dir.url)
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("did you mean `neovim`"), unknown.stderr)
    }
}
