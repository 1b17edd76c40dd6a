import XCTest
@testable import AftermathCore

/// The summary's checksum is the same however its bytes arrive, and changes with any byte,
/// the length, or the order of its blocks.
final class SummaryChecksumTests: XCTestCase {
    func bytes(_ count: Int, seed: UInt64 = 7) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }

    func testPiecesGiveTheValueOfTheWhole() {
        for count in [0, 1, 7, 31, 32, 33, 63, 64, 65, 1000, 4099] {
            let data = bytes(count)
            let whole = data.withUnsafeBytes(SummaryChecksum.of)
            var random = SplitMix64(seed: UInt64(count))
            for _ in 0..<20 {
                var checksum = SummaryChecksum(count: count)
                var start = 0
                while start < count {
                    let end = min(count, start + Int(random.next() % 70))
                    checksum.add(Array(data[start..<end]))
                    start = end
                }
                checksum.add([])
                XCTAssertEqual(checksum.value, whole, "\(count) bytes in pieces")
            }
        }
    }

    func testAnyByteTheLengthAndBlockOrderChangeIt() {
        let data = bytes(300)
        let original = data.withUnsafeBytes(SummaryChecksum.of)
        for position in [0, 1, 8, 15, 16, 24, 31, 32, 100, 287, 288, 299] {
            for flip: UInt8 in [1, 0x80] {
                var changed = data
                changed[position] ^= flip
                XCTAssertNotEqual(changed.withUnsafeBytes(SummaryChecksum.of), original, "byte \(position) ^ \(flip)")
            }
        }
        // Zero padding of the last block is told apart by the length.
        XCTAssertNotEqual([UInt8](repeating: 0, count: 5).withUnsafeBytes(SummaryChecksum.of),
                          [UInt8](repeating: 0, count: 6).withUnsafeBytes(SummaryChecksum.of))
        // Lanes are not interchangeable: swapping two words of a block, or two blocks, changes it.
        var swappedWords = data
        swappedWords.replaceSubrange(0..<16, with: Array(data[8..<16]) + Array(data[0..<8]))
        XCTAssertNotEqual(swappedWords.withUnsafeBytes(SummaryChecksum.of), original)
        var swappedBlocks = data
        swappedBlocks.replaceSubrange(0..<64, with: Array(data[32..<64]) + Array(data[0..<32]))
        XCTAssertNotEqual(swappedBlocks.withUnsafeBytes(SummaryChecksum.of), original)
    }
}
