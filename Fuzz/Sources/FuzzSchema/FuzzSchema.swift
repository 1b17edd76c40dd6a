import AftermathCore

/// Schema and instance both fuzzed: the input is `schema JSON` NUL `instance`, the instance
/// read as JSON and as YAML front matter. Compile errors and exceeded work budgets are expected; crashes and hangs are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let split = bytes.firstIndex(of: 0) ?? bytes.count
    let schemaBytes = Array(bytes[..<split])
    let instanceBytes = split < bytes.count ? Array(bytes[(split + 1)...]) : []
    guard case .success(let schemaNode) = JSONReader.read(schemaBytes),
          let schema = try? CompiledSchema.compile(schemaNode) else { return 0 }
    if case .success(let instance) = JSONReader.read(instanceBytes) {
        _ = try? schema.validate(instance)
    }
    if instanceBytes.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) != nil,
       let root = FrontMatterReader.read(instanceBytes, firstLine: 2).root {
        _ = try? schema.validate(root)
        _ = try? schema.isValid(root)
    }
    return 0
}

// SwiftPM links an executable's entry point as `FuzzSchema_main`; it hands control to libFuzzer's
// driver (the toolchain's libclang_rt.fuzzer) with the function above as the callback.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FuzzSchema_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzz)
}
