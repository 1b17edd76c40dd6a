/// Fields an edit implies beyond the ones the user named, so the result is what the rules
/// expect of its status: reopening a closed postmortem takes its `closed_at` and `closed_by`
/// away (the reopening rules look for a `reopened_reason`, not for a closing record left behind).
public enum ImpliedChanges {
    static let closingFields = ["closed_at", "closed_by"]

    /// `changes` with what they imply for `document`; fields the user set themselves are kept
    /// as they were given.
    public static func adding(to changes: [FieldChange], for document: Document) -> [FieldChange] {
        guard document.kind == .postmortem, document.status == "closed",
              let newStatus = changes.last(where: { $0.key == "status" })?.value,
              newStatus != .scalar("closed") else { return changes }
        let named = Set(changes.map(\.key))
        return changes + closingFields.filter { !named.contains($0) && document.field($0) != nil }.map { FieldChange($0, .remove) }
    }
}
