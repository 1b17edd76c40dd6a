import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The calls that differ between the systems Aftermath may run on, in one place: Linux (built
/// and tested) through Glibc, each with a portable fallback for the others (expected to work,
/// not built here). Everything else uses POSIX calls that both have.
public enum Platform {
    /// A file's modification and status-change times as (seconds, nanoseconds).
    public static func modificationTime(_ info: stat) -> (seconds: Int, nanoseconds: Int) {
        #if os(Linux)
        return (Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
        #else
        return (Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec))
        #endif
    }

    public static func changeTime(_ info: stat) -> (seconds: Int, nanoseconds: Int) {
        #if os(Linux)
        return (Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec))
        #else
        return (Int(info.st_ctimespec.tv_sec), Int(info.st_ctimespec.tv_nsec))
        #endif
    }

    /// The running executable's path: the kernel's answer on Linux, else the first argument
    /// made absolute.
    public static var executablePath: String? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return CommandLine.arguments.first.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }

    /// The flag that opens a folder only to look in it (`O_PATH`, cheaper than opening it for
    /// reading; Glibc's module leaves it out); elsewhere a plain read-only open.
    public static var openForLookingOnly: Int32 {
        #if os(Linux)
        return 0o10000000
        #else
        return O_RDONLY
        #endif
    }

    /// The `getrusage` target for the calling thread alone (`RUSAGE_THREAD`, an enumerator
    /// behind a macro Swift does not import); elsewhere the whole process.
    public static var usageOfCallingThread: Int32 {
        #if os(Linux)
        return 1
        #else
        return RUSAGE_SELF
        #endif
    }

    /// The path of an open file descriptor, where the system can tell (Linux: `/proc/self/fd`).
    public static func path(ofOpen fd: Int32) -> String? {
        #if os(Linux)
        var target = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/fd/\(fd)", &target, target.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: target[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
        return nil
        #endif
    }
}
