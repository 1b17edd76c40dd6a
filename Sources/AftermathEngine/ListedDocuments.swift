import AftermathCore
import AftermathGit

extension RepositoryAccess {
    /// The documents the review views (`list`, `digest`) show: every document of `kinds` (open
    /// ones only with `openOnly`) with the documents they link to. In git they come from the
    /// summary of an earlier run, which holds every document's listed fields, plus the files
    /// changed since; elsewhere every file is read.
    package func listedDocuments(_ choice: SnapshotChoice, kinds: Set<DocumentKind>, openOnly: Bool, today: Timestamp) throws -> (ListedIndex, Ruleset) {
        let rules = try workingTreeRulesFirst(choice, today: today)
        // Outside git the working tree is still readable; the other states need a repository.
        if let repository = choice.isWorkingTree ? try? repository() : try repository() {
            let git = GitValidation(workspace: self, repository: repository, today: today, threads: 0, workingTreeRules: rules)
            return try git.documentsForListing(choice, kinds: kinds, openOnly: openOnly)
        }
        let snapshot = try snapshot(choice)
        let ruleset = try rules ?? ruleset(from: snapshot, today: today)
        return (ListedIndex(listing: try Validator(ruleset: ruleset, today: today).read(snapshot).index), ruleset)
    }
}
