/// Which state of the repository a run reads: the working tree, the index (what the next
/// commit records) or a revision's tree.
public enum SnapshotChoice: Sendable, Equatable {
    case workingTree
    case staged
    case revision(String)

    public var isWorkingTree: Bool {
        if case .workingTree = self { return true }
        return false
    }
}
