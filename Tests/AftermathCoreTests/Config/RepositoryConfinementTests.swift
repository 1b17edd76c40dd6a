import XCTest
@testable import AftermathCore

final class RepositoryConfinementTests: XCTestCase {
    func testPathsThatLeaveTheRepositoryByTheirTextAreRefused() {
        for path in ["../x", "a/../../x", "/etc/shadow", "a/..", "a\u{0}b"] {
            XCTAssertNotNil(RepositoryConfinement.lexicalProblem(path), path)
        }
        for path in ["owners.yml", "a/b/c", "postmortems", "a/..b", "..a/b", ""] {
            XCTAssertNil(RepositoryConfinement.lexicalProblem(path), path)
        }
    }

    /// The deepest existing part of the path decides, where links resolve.
    func testTheRealPathOfTheDeepestExistingPartMustStayInside() {
        let links = ["/repo/out": "/etc", "/repo/in": "/repo/postmortems", "/repo": "/repo"]
        let confinement = RepositoryConfinement(root: "/repo", realRoot: "/repo") { links[$0] }
        XCTAssertNotNil(confinement.problem("out/shadow"))
        XCTAssertNil(confinement.problem("in/new/file.md"))
        XCTAssertNil(confinement.problem("missing/file.md"))
        XCTAssertNotNil(RepositoryConfinement(root: "/repo", realRoot: "/repo") { $0 == "/repo/x" ? "/repository-elsewhere" : nil }.problem("x"),
                        "a sibling folder whose name starts like the root's is outside")
    }
}
