import Foundation
import AftermathCore
import AftermathGit

/// Makes an evidence pack from one commit: validates its documents, picks the incidents,
/// reads their history and builds the evidence.
package struct AuditRun {
    package let access: RepositoryAccess

    package func make(_ request: AuditRequest, uncommitted recorded: [String]? = nil, checkSignatures: Bool = true) throws -> AuditOutcome {
        let repository = try access.repository()
        if repository.isEmpty { throw WorkspaceError.git("the repository has no commits yet, so there is nothing to audit") }
        let commit = try repository.resolveCommit(request.rev)
        let snapshot = access.scoped(try repository.snapshot(ofCommit: commit), in: repository)
        // Rules from the commit alone: tracker states kept in this clone would make the pack
        // depend on where it is made.
        let ruleset = try RepositoryAccess.ruleset(from: snapshot)
        let info = try repository.commitInfo(commit)
        let meta = CommitMeta(id: commit.hex, authorName: info.authorName, authorEmail: info.authorEmail, time: info.time, summary: info.summary)
        let uncommitted = try recorded ?? uncommittedDocuments(repository, ruleset: ruleset)
        if !uncommitted.isEmpty && !request.allowDirty && recorded == nil {
            throw WorkspaceError.usage("documents have uncommitted changes (\(uncommitted.prefix(3).joined(separator: ", "))\(uncommitted.count > 3 ? ", …" : "")); commit them, or give --allow-dirty to make the pack from \(request.rev) anyway (the pack then lists them)")
        }
        let asOf = Timestamp(secondsSinceEpoch: (Double(info.time) / 86_400).rounded(.down) * 86_400)
        let validation = try Validator(ruleset: ruleset, today: asOf).validate(snapshot)
        let scope = AuditScope(index: validation.index, period: request.period, sample: request.sample)
        let history = try AuditHistoryReader(repository: repository, ruleset: ruleset) { access.scoped($0, in: repository) }
            .read(upTo: commit, ids: scope.documentIDs(in: validation.index))
        let evidence = AuditBuilder(index: validation.index, ruleset: ruleset, diagnostics: validation.diagnostics, commit: meta,
                                    period: request.period, frameworks: request.frameworks, sample: request.sample,
                                    uncommitted: uncommitted, history: history).build()
        let signatures = checkSignatures
            ? evidence.commits.map { CommitSignatureCheck.check($0.id, kind: $0.signature, in: repository.workdir ?? repository.gitDirectory) }
            : []
        return AuditOutcome(evidence: evidence, pack: AuditPack(evidence), commit: commit.hex, branch: branch(for: request.rev, in: repository),
                            uncommitted: uncommitted, roots: ruleset.configuration.roots, signatures: signatures)
    }

    /// The branch the pack is made on: the one `rev` names, else the one HEAD is on.
    private func branch(for rev: String, in repository: GitRepository) -> String? {
        if (try? repository.resolveCommit("refs/heads/\(rev)")) != nil { return "refs/heads/\(rev)" }
        return repository.headBranch
    }

    /// Documents whose working-tree bytes are not HEAD's (changed, added or deleted), and the
    /// configuration file. Empty in a bare repository.
    private func uncommittedDocuments(_ repository: GitRepository, ruleset: Ruleset) throws -> [String] {
        guard !repository.isBare, !repository.isHeadUnborn else { return [] }
        let head = access.scoped(try repository.snapshot(ofRevision: "HEAD"), in: repository)
        let work = WorkingTreeSnapshot(root: access.root)
        let roots = ruleset.configuration.roots
        var paths = Set(try Validator.documentPaths(in: head, roots: roots))
        paths.formUnion(try Validator.documentPaths(in: work, roots: roots))
        paths.insert(RepositoryPath(".aftermath.yml"))
        let limit = ruleset.configuration.limits.maxFileBytes + 1
        return try paths.filter { path in try head.read(path, upTo: limit) != work.read(path, upTo: limit) }.map(\.text).sorted()
    }

    /// Makes the pack again from the manifest's commit and options, and compares it with the
    /// folder's files.
    package func verify(folder: String) throws -> AuditVerification {
        let manifestPath = folder + "/" + AuditPack.manifestName
        guard let bytes = FileManager.default.contents(atPath: manifestPath) else {
            throw WorkspaceError.io("\(manifestPath): cannot be read; is \(folder) an evidence pack?")
        }
        let manifest: AuditManifest
        switch AuditManifest.parse(Array(bytes)) {
        case .success(let parsed): manifest = parsed
        case .failure(let problem): throw WorkspaceError.io("\(manifestPath) \(problem.message)")
        }
        let present = Set(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0 != AuditPack.manifestName })
        var manifestMismatches: [String] = []
        for file in manifest.files {
            guard let data = FileManager.default.contents(atPath: folder + "/" + file.path) else { continue }
            if SHA256.hex(Array(data)) != file.sha256 { manifestMismatches.append(file.path) }
        }
        let repository = try access.repository()
        let commit = GitObjectID(hex: manifest.commit)
        var result = AuditVerification(manifest: manifest, differing: [], missing: [], added: [], manifestMismatches: manifestMismatches.sorted(),
                                       commitPresent: repository.hasCommit(commit), reachable: false, branch: manifest.branch)
        guard result.commitPresent else {
            result.added = present.sorted()
            return result
        }
        let tip = try? repository.resolveCommit(manifest.branch ?? "HEAD")
        result.reachable = tip.map { repository.isDescendant($0, of: commit) } ?? false
        guard let period = AuditPeriod(from: manifest.options.from, to: manifest.options.to) else {
            throw WorkspaceError.io("\(manifestPath): the period \(manifest.options.from) to \(manifest.options.to) is not one")
        }
        let frameworks = manifest.options.frameworks.compactMap(AuditFramework.init(rawValue:))
        var sample: AuditSample?
        if let size = manifest.options.sample, let seed = manifest.options.seed { sample = AuditSample(size: size, seed: seed) }
        let request = AuditRequest(period: period, frameworks: frameworks, rev: manifest.commit, sample: sample, allowDirty: manifest.options.allowDirty)
        let remade = try make(request, uncommitted: manifest.options.uncommitted, checkSignatures: false).pack
        for file in remade.files {
            guard let data = FileManager.default.contents(atPath: folder + "/" + file.name) else {
                result.missing.append(file.name)
                continue
            }
            if Array(data) != file.bytes { result.differing.append(file.name) }
        }
        result.added = present.subtracting(remade.files.map(\.name)).sorted()
        return result
    }
}
