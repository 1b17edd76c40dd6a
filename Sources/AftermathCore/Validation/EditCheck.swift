/// What an edit would break: validates the snapshot with the edited files in place and
/// returns the errors it introduces in the given documents (errors that were already there
/// before the edit are not the edit's fault and do not block it).
public struct EditCheck: Sendable {
    public var before: ValidationResult
    public var after: ValidationResult

    public init(validator: Validator, snapshot: Snapshot, before: ValidationResult, overrides: [String: [UInt8]?]) throws {
        self.before = before
        self.after = try validator.validate(OverlaySnapshot(base: snapshot, overrides: overrides))
    }

    /// Errors after the edit in `paths`, minus those present before (compared without line numbers).
    public func newErrors(in paths: Set<String>) -> [Diagnostic] {
        struct Key: Hashable { var path, rule, message: String }
        let existing = Set(before.allDiagnostics.filter { $0.severity == .error }.map { Key(path: $0.path, rule: $0.ruleID, message: $0.message) })
        return after.allDiagnostics.filter {
            $0.severity == .error && paths.contains($0.path) && !existing.contains(Key(path: $0.path, rule: $0.ruleID, message: $0.message))
        }
    }

    /// Every error after the edit in `paths` (closure: nothing may remain).
    public func allErrors(in paths: Set<String>) -> [Diagnostic] {
        after.allDiagnostics.filter { $0.severity == .error && paths.contains($0.path) }
    }
}
