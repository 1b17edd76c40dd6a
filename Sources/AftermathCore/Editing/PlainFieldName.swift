/// The names a front-matter field may have: plain YAML keys as every schema's properties are
/// (`approved_by`). Anything else given to `set` (a newline, `---`, a space, a quote) could end
/// the front matter or slip past a check that compares names, so it is refused before editing.
public enum PlainFieldName {
    public static let rule = "^[a-z][a-z0-9_]*$"

    public static func isPlain(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
