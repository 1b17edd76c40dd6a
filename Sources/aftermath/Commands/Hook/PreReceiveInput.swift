import Foundation
import AftermathCore
import AftermathEngine
import AftermathGit

/// What git gives a pre-receive hook on standard input: one `OLD NEW REF` line per updated
/// ref (object IDs in full hex, the ref's full name). Anything else means the hook was not
/// run by git as documented, and checking nothing would let the push through, so the whole
/// input is refused.
struct PreReceiveInput {
    struct Update {
        var old: GitObjectID
        var new: GitObjectID
        var ref: String
    }

    /// Longest line read: two SHA-256 IDs and a ref name as long as git allows (4096 bytes).
    static let maximumLineBytes = 64 + 1 + 64 + 1 + 4096

    struct Malformed: Error { let message: String }

    var updates: [Update] = []

    /// Reads `fd` to its end, one line at a time, never holding more than one line too long.
    static func read(from fd: Int32) throws(Malformed) -> PreReceiveInput {
        var input = PreReceiveInput()
        var line: [UInt8] = []
        var number = 1
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Malformed(message: "cannot read standard input: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            for byte in buffer[..<count] {
                if byte == UInt8(ascii: "\n") {
                    try input.add(line, number: number)
                    line.removeAll(keepingCapacity: true)
                    number += 1
                } else {
                    guard line.count < maximumLineBytes else {
                        throw Malformed(message: "standard input line \(number) is longer than \(maximumLineBytes) bytes; expected `OLD NEW REF` lines from git")
                    }
                    line.append(byte)
                }
            }
        }
        if !line.isEmpty { try input.add(line, number: number) }
        return input
    }

    private mutating func add(_ line: [UInt8], number: Int) throws(Malformed) {
        let shown = TerminalSafe.escape(String(decoding: line.prefix(80), as: UTF8.self)) + (line.count > 80 ? "…" : "")
        func malformed(_ why: String) -> Malformed {
            Malformed(message: "standard input line \(number) `\(shown)` \(why); expected `OLD NEW REF` lines from git")
        }
        let fields = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard fields.count == 3 else { throw malformed("has \(fields.count) field\(fields.count == 1 ? "" : "s")") }
        guard Self.isObjectID(fields[0]), Self.isObjectID(fields[1]), fields[0].count == fields[1].count else {
            throw malformed("does not start with two full object IDs (40 or 64 hexadecimal digits)")
        }
        guard !fields[2].isEmpty, let ref = String(validating: fields[2], as: UTF8.self) else {
            throw malformed("has a ref name that is empty or not UTF-8")
        }
        updates.append(Update(old: GitObjectID(hex: String(decoding: fields[0], as: UTF8.self)),
                              new: GitObjectID(hex: String(decoding: fields[1], as: UTF8.self)), ref: ref))
    }

    private static func isObjectID(_ bytes: ArraySlice<UInt8>) -> Bool {
        (bytes.count == 40 || bytes.count == 64)
            && bytes.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }
}
