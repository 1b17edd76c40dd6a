extension Document {
    /// The IDs this document is known by or links to: its own, its parent's and its related
    /// findings'. Every repository and transition rule relates documents only through these
    /// (same ID, parent, child, related), so documents that share no key, directly or through
    /// other documents, cannot change each other's diagnostics — what incremental validation
    /// relies on.
    public var linkKeys: [String] {
        var keys = [id]
        if let parent = parentID { keys.append(parent) }
        keys += frontMatter["related"]?.stringList ?? []
        return keys
    }
}
