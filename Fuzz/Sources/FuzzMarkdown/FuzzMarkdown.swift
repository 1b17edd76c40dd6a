import AftermathCore

/// The Markdown section and Timeline reader, and section extraction for reports.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let body = MarkdownBody(bytes[...], firstLine: 5)
    for entry in body.timeline { _ = entry.timestamp }
    let text = String(decoding: bytes, as: UTF8.self)
    for title in ["Timeline", "Summary", "Lessons"] { _ = MarkdownBody.content(of: title, in: text) }
    return 0
}

// SwiftPM links an executable's entry point as `FuzzMarkdown_main`; it hands control to libFuzzer's
// driver (the toolchain's libclang_rt.fuzzer) with the function above as the callback.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FuzzMarkdown_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzz)
}
