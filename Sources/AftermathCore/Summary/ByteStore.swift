/// Read-only bytes that stay put while in use: a memory-mapped file (the edge maps it) or a
/// copy made here. Lets the summary be read in place, record by record, without decoding it.
public final class ByteStore: @unchecked Sendable {
    public let buffer: UnsafeRawBufferPointer
    private let release: @Sendable (UnsafeRawBufferPointer) -> Void

    public init(buffer: UnsafeRawBufferPointer, release: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) {
        self.buffer = buffer
        self.release = release
    }

    public convenience init(copying bytes: [UInt8]) {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        bytes.withUnsafeBytes { storage.copyMemory(from: $0) }
        // The release closure gets the buffer back; its base is the allocation's.
        self.init(buffer: UnsafeRawBufferPointer(start: storage.baseAddress, count: bytes.count)) { buffer in
            UnsafeMutableRawPointer(mutating: buffer.baseAddress)?.deallocate()
        }
    }

    deinit { release(buffer) }
}
