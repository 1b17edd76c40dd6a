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
