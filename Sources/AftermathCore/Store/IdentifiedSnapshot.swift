/// A snapshot whose files are those of a listing, each with its content ID: what it lists,
/// and which IDs it has, come from the listing (sorted paths found by binary search).
public protocol ListingSnapshot: Snapshot {
    var listing: ContentListing { get }
}

extension ListingSnapshot {
    public func files(under root: String) throws -> [RepositoryPath] { Self.files(of: listing, under: root) }

    /// The paths of `listing` under the folder `root` ("." or "" for all), as `files(under:)` gives them.
    public static func files(of listing: ContentListing, under root: String) -> [RepositoryPath] {
        listing.indices(under: root == "." ? "" : RepositoryConfiguration.normalizeFolder(root)).map(listing.path)
    }

    public func contentID(_ path: RepositoryPath) -> String? { contentIdentity(path)?.hex }
    public func contentIdentity(_ path: RepositoryPath) -> ContentID? { listing.index(of: path).map(listing.contentID) }
    public func contentIdentities(_ sortedPaths: [RepositoryPath]) -> [ContentID?] { listing.contentIDs(sortedPaths) }
}

/// A snapshot whose documents carry content IDs worked out beforehand (the working tree,
/// identified through git's index), so its runs can be summarised and compared like git's.
/// Its files are the listed documents.
public struct IdentifiedSnapshot: ListingSnapshot {
    public var base: Snapshot
    public var listing: ContentListing

    public init(base: Snapshot, listing: ContentListing) {
        self.base = base
        self.listing = listing
    }

    public var label: String { base.label }

    public func read(_ path: RepositoryPath, upTo limit: Int) throws -> [UInt8]? { try base.read(path, upTo: limit) }
}
