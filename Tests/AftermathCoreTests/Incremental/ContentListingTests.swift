import XCTest
@testable import AftermathCore

/// Listings keep git's order and find paths by bytes, in place.
final class ContentListingTests: XCTestCase {
    let paths = (0..<300).map { RepositoryPath(String(format: "p/%04d.md", $0 * 2)) }  // even numbers only

    func listing() -> ContentListing {
        var listing = ContentListing()
        for (n, path) in paths.enumerated() {
            let id = [UInt64(n), 0, 0].withUnsafeBytes { ContentID($0) }
            XCTAssertTrue(path.withBytes { listing.append(path: $0, id: id) })
        }
        return listing
    }

    func testAppendKeepsOrder() {
        var listing = self.listing()
        var earlier = "p/0000.md"
        XCTAssertFalse(earlier.withUTF8 { listing.append(path: UnsafeRawBufferPointer($0), id: listing.contentID(0)) }, "out of order")
        XCTAssertEqual(listing.count, paths.count)
    }

    func testLookupsWithAndWithoutHints() {
        let listing = self.listing()
        var hint = 0
        for (n, path) in paths.enumerated() {
            XCTAssertEqual(listing.index(of: path), n)
            XCTAssertEqual(listing.index(of: path, hint: &hint), n, "in order")
        }
        hint = 0
        for n in stride(from: 0, to: paths.count, by: 97) {  // long gaps: jumps
            XCTAssertEqual(listing.index(of: paths[n], hint: &hint), n)
        }
        XCTAssertEqual(listing.index(of: paths[5], hint: &hint), 5, "out of order: searched from the start")
        XCTAssertNil(listing.index(of: "p/0003.md", hint: &hint), "missing")
        XCTAssertEqual(listing.index(of: paths[2], hint: &hint), 2)
        for n in [150, 0, paths.count - 1] {
            hint = -1
            XCTAssertEqual(listing.index(of: paths[n], hint: &hint), n, "no hint yet: a binary search")
            XCTAssertEqual(listing.index(of: paths[min(n + 1, paths.count - 1)], hint: &hint), min(n + 1, paths.count - 1), "then in order")
        }
        hint = -1
        XCTAssertNil(listing.index(of: "p/0003.md", hint: &hint))
        XCTAssertEqual(hint, 2, "the place the missing path would take")
        XCTAssertNil(listing.index(of: "p/9999.md"))
        XCTAssertNil(listing.index(of: "a.md", hint: &hint))
        XCTAssertEqual(listing.indices(under: "p"), 0..<paths.count)
        XCTAssertEqual(listing.indices(under: "q"), paths.count..<paths.count)
    }

    /// The IDs of many paths at once agree with one lookup each, for paths listed or not, in
    /// order or not.
    func testIDsOfManyPathsAgreeWithOneByOne() {
        let listing = self.listing()
        let asked: [RepositoryPath] = (0..<620).map { RepositoryPath(String(format: "p/%04d.md", $0)) } + ["a", "p/0002.md", "z", "p/0000.md"]
        XCTAssertEqual(listing.contentIDs(asked), asked.map { listing.index(of: $0).map(listing.contentID) })
        let snapshot = IdentifiedSnapshot(base: InMemorySnapshot(files: [:]), listing: listing)
        XCTAssertEqual(snapshot.contentIdentities(asked), asked.map(snapshot.contentIdentity))
        XCTAssertEqual(asked.compactMap { listing.contentIDs([$0]).first! }.count, paths.count + 2)
    }

    /// Parts listed apart (one per top folder, on several threads) join into the listing made
    /// whole, empty parts and all; parts that overlap or come out of order do not join.
    func testPartsJoinIntoTheWholeListing() {
        let whole = listing()
        func part(_ range: Range<Int>) -> ContentListing {
            var part = ContentListing()
            for n in range {
                whole.withPathBytes(n) { _ = part.append(path: $0, id: whole.contentID(n)) }
            }
            return part
        }
        let joined = ContentListing(joining: [part(0..<0), part(0..<1), part(1..<120), part(120..<120), part(120..<299), part(299..<300)])
        XCTAssertEqual(joined.map { (0..<$0.count).map($0.path) }, paths)
        XCTAssertEqual(joined.map { listing in (0..<listing.count).map { listing.contentID($0) } }, (0..<whole.count).map { whole.contentID($0) })
        XCTAssertEqual(joined?.index(of: paths[200]), 200, "path ends are offset into the joined buffer")
        XCTAssertEqual(joined?.entries.map(\.path), paths)
        XCTAssertNil(ContentListing(joining: [part(0..<10), part(9..<20)]), "a path repeated across parts")
        XCTAssertNil(ContentListing(joining: [part(10..<20), part(0..<10)]), "parts out of order")
        XCTAssertEqual(ContentListing(joining: [])?.count, 0)
    }

    /// Sorted input is taken as it comes; any other order is sorted by bytes first.
    func testListingsFromUnsortedPaths() {
        let id = { (n: UInt64) in [n, 0, 0].withUnsafeBytes { ContentID($0) } }
        let sorted = ContentListing(sorting: [("a/b", id(1)), ("a0", id(2)), ("b", id(3))])
        XCTAssertEqual((0..<sorted.count).map(sorted.path), ["a/b", "a0", "b"])
        let shuffled = ContentListing(sorting: [("b", id(3)), ("a0", id(2)), ("a/b", id(1)), ("a0", id(2))])
        XCTAssertEqual((0..<shuffled.count).map(shuffled.path), ["a/b", "a0", "b"], "sorted, the repeated path once")
        XCTAssertEqual(shuffled.contentID(2), id(3))
    }
}
