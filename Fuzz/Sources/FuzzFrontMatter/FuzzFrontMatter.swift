import AftermathCore

/// The whole reading path of a document: framing, the libyaml event reader, the schema check
/// and the single-document rules, on arbitrary bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let ruleset = FuzzRuleset.shared
    let parsed = DocumentParser.parse(path: "postmortems/PM-2026-001-x/postmortem.md", bytes: bytes, ruleset: ruleset)
    if let document = parsed.document {
        let context = RuleContext(ruleset: ruleset, today: Timestamp(secondsSinceEpoch: 1_790_000_000))
        for rule in RuleCatalogue.documentRules { _ = rule.check(document, in: context) }
        _ = try? FrontMatterEditor.apply([FieldChange("status", .scalar("done"))], to: bytes)
    }
    return 0
}

enum FuzzRuleset {
    nonisolated(unsafe) static let shared: Ruleset = {
        let snapshot = InMemorySnapshot(files: RuleExamples.base)
        guard case .success(let ruleset) = try? RulesetLoader.load(from: snapshot) else { fatalError("base ruleset") }
        return ruleset
    }()
}

// SwiftPM links an executable's entry point as `FuzzFrontMatter_main`; it hands control to libFuzzer's
// driver (the toolchain's libclang_rt.fuzzer) with the function above as the callback.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FuzzFrontMatter_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzz)
}
