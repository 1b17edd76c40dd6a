extension Document {
    /// The IDs that tie this document to others both ways: its own and its parent's. Every
    /// repository and transition rule relates documents through these (same ID, parent, child,
    /// grandchild) or through `references`, so documents connected by no chain of shared keys
    /// cannot change each other's diagnostics — what incremental validation relies on.
    public var keys: [String] {
        var keys: [String] = []
        forEachKey { keys.append($0) }
        return keys
    }

    /// IDs this document only points at (`related`): its diagnostics depend on whether those
    /// exist and what they are, but nothing about it depends on theirs. Kept apart from `keys`
    /// because chains of related findings join most of a large repository into one component.
    public var references: [String] {
        var references: [String] = []
        forEachReference { references.append($0) }
        return references
    }

    /// `keys` one by one, without gathering them (a summary goes through every document's).
    func forEachKey(_ body: (String) -> Void) {
        body(id)
        if let parent = parentID { body(parent) }
    }

    /// `references` one by one, in order, repeats included.
    func forEachReference(_ body: (String) -> Void) { field("related")?.forEachListed(body) }
}
