import AftermathCore

/// File-name sets read from a summary of an earlier state and in full: the input is a list of
/// names (NUL-separated, any bytes), each a finding under one postmortem whose validity and ID
/// come from the name; the earlier state holds every other name. Any difference between the
/// summary-based run and the full one, or a name that is not a file of its own, stops the run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = UnsafeBufferPointer(start: data, count: size)
    var names: [[UInt8]] = []
    for piece in input.split(separator: 0, omittingEmptySubsequences: true).prefix(16) {
        // One path under the folder: no empty, "." or ".." components, no leading "/".
        let components = piece.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
            .filter { !$0.elementsEqual([0x2E]) && !$0.elementsEqual([0x2E, 0x2E]) }
        guard !components.isEmpty else { continue }
        names.append(Array(components.joined(separator: [UInt8(ascii: "/")])))
    }
    guard !names.isEmpty else { return 0 }
    var before: [RepositoryPath: [UInt8]] = PathIdentityFuzzing.fixed
    var after = before
    var distinct = Set<[UInt8]>()
    for (i, name) in names.enumerated() {
        let path = Array(PathIdentityFuzzing.folder.utf8) + name + Array(".md".utf8)
        let valid = name.reduce(0, &+) % 2 == 0
        let content = Array(PathIdentityFuzzing.finding(number: 11 + i % 3, valid: valid).utf8)
        distinct.insert(path)
        after[RepositoryPath(bytes: path)] = content
        if i % 2 == 0 { before[RepositoryPath(bytes: path)] = content }
    }
    PathIdentityFuzzing.compare(before: before, after: after, generatedFiles: distinct.count)
    return 0
}

enum PathIdentityFuzzing {
    static let folder = "postmortems/PM-2026-001-fuzz/findings/"
    static let today = Timestamp.parseDate("2026-10-01")!

    static let fixed: [RepositoryPath: [UInt8]] = [
        ".aftermath.yml": Array("roots: [postmortems]\nowners: owners.yml\n".utf8),
        "owners.yml": Array("people:\n  - handle: alice\n    name: Alice\n    email: alice@example.org\n  - handle: bob\n    name: Bob\n    email: bob@example.org\n".utf8),
        "postmortems/PM-2026-001-fuzz/postmortem.md": Array("""
            ---
            id: PM-2026-001
            kind: postmortem
            title: Fuzzed names
            status: draft
            severity: sev3
            authors: [alice]
            incident:
              detected_at: 2026-09-01T10:00:00Z
              declared_at: 2026-09-01T10:05:00Z
            customer_impact: false
            data_breach: false
            ---
            ## Summary
            x
            ## Timeline
            - 2026-09-01T10:00:00Z detected
            ## Root cause
            x
            ## Response
            x
            ## Lessons
            x

            """.utf8),
    ]

    static let ruleset: Ruleset = {
        guard case .success(let ruleset)? = try? RulesetLoader.load(from: InMemorySnapshot(contents: fixed)) else { fatalError("the fixed configuration does not load") }
        return ruleset
    }()

    static func finding(number: Int, valid: Bool) -> String {
        """
        ---
        id: F-2026-001-\(number)
        kind: finding
        postmortem: PM-2026-001
        title: Finding \(number)
        category: manual-error
        owner: \(valid ? "bob" : "bobb")
        bugs: [JIRA:SEC-1]
        status: open
        ---
        Text.

        """
    }

    /// A content ID of bytes (not git's; any ID that differs for different bytes will do).
    static func id(_ bytes: [UInt8]) -> ContentID {
        [Fingerprint.of(bytes), Fingerprint.of([1] + bytes), Fingerprint.of([2] + bytes)].withUnsafeBytes { ContentID($0) }
    }

    static func compare(before: [RepositoryPath: [UInt8]], after: [RepositoryPath: [UInt8]], generatedFiles: Int) {
        do {
            let full = try Validator(ruleset: ruleset, today: today, threads: 1).validate(InMemorySnapshot(contents: after))
            guard full.fileCount == generatedFiles + 1 else { fatalError("\(generatedFiles) names read as \(full.fileCount - 1) files") }
            let earlier = try Validator(ruleset: ruleset, today: today, threads: 1).validate(InMemorySnapshot(contents: before))
            var documents: [RepositoryPath: Document] = [:]
            for document in earlier.index.documents where documents[document.path] == nil { documents[document.path] = document }
            let entries = earlier.paths.map { SummaryBuilder.Entry(path: $0, contentID: id(before[$0] ?? []), document: documents[$0]) }
            guard let bytes = SummaryBuilder.build(entries, diagnostics: earlier.allDiagnostics, rulesetFingerprint: ruleset.fingerprint, tree: nil),
                  let summary = SummaryFile(ByteStore(copying: bytes)) else { fatalError("the earlier state cannot be summarised") }
            let filter = DocumentPathFilter(roots: ruleset.configuration.roots)
            let listing = ContentListing(sorting: after.keys.filter(filter.matches).map { ($0, id(after[$0]!)) })
            var byID: [ContentID: [UInt8]] = [:]
            for bytes in after.values { byID[id(bytes)] = bytes }
            let incremental = IncrementalValidator(summary: summary, ruleset: ruleset, today: today, threads: 1, maxAffected: .max) { [byID] _, id in byID[id] }
            guard let states = try incremental.validate([SnapshotDelta.between(summary, and: listing)]) else { fatalError("the summary does not apply") }
            guard states[0].diagnostics == full.allDiagnostics, states[0].fileCount == full.fileCount else {
                fatalError("summary-based and full runs differ:\n\(states[0].diagnostics.map(TextReporter.line))\n\(full.allDiagnostics.map(TextReporter.line))")
            }
        } catch {
            fatalError("\(error)")
        }
    }
}

// SwiftPM links an executable's entry point as `FuzzPathIdentity_main`; it hands control to
// libFuzzer's driver with the function above as the callback.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FuzzPathIdentity_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzz)
}
