import Foundation
public enum Tick {
    nonisolated(unsafe) static var last = Date()
    nonisolated(unsafe) static var lastCPU = 0.0
    static func cpu() -> Double { var u = rusage(); getrusage(RUSAGE_SELF.rawValue, &u); return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6 }
    public static func mark(_ s: String) {
        let now = Date(); let c = cpu()
        FileHandle.standardError.write("TICK \(s) \(Int(now.timeIntervalSince(last)*1000))/\(Int((c - lastCPU)*1000)) ms\n".data(using: .utf8)!); last = now; lastCPU = c
    }
}
