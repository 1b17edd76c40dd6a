import Foundation
enum PhaseTimer {
    nonisolated(unsafe) static var last = Date()
    static let on = ProcessInfo.processInfo.environment["AFTERMATH_TIMING"] != nil
    public static func mark(_ s: String) {
        guard on else { return }
        let now = Date(); FileHandle.standardError.write("\(s): \(Int(now.timeIntervalSince(last)*1000)) ms\n".data(using: .utf8)!); last = now
    }
}
public func phaseMark(_ s: String) { PhaseTimer.mark(s) }
