import Foundation
@testable import AftermathCore

/// Files that tests read from the repository itself, so no test depends on anything outside it.
enum TestFiles {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ relative: String) -> URL { packageRoot.appendingPathComponent(relative) }

    static func bytes(_ relative: String) throws -> [UInt8] { Array(try Data(contentsOf: url(relative))) }

    static func json(_ relative: String) throws -> Node {
        switch JSONReader.read(try bytes(relative)) {
        case .success(let node): return node
        case .failure(let problem): throw problem
        }
    }
}

/// Reads YAML front matter text (without the `---` lines) as the front-matter reader does.
func frontMatter(_ yaml: String) -> FrontMatterReader.Output {
    FrontMatterReader.read(Array(yaml.utf8), firstLine: 2)
}
