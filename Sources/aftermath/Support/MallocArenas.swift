import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// glibc gives each thread that allocates an arena of its own, up to eight per core. The
/// folder walk runs more threads than cores (they mostly wait on the kernel), and their
/// arenas stay mapped once used: about 20 MB more at the peak of a 100,000-document run, for
/// no speed. The tool caps arenas at the core count before any thread starts.
enum MallocArenas {
    static func limitToCores() {
        #if canImport(Glibc)
        // `mallopt` is not in Swift's Glibc module; it is looked up instead (absent outside glibc).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let arenaMax: Int32 = -8  // M_ARENA_MAX in <malloc.h>
        _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMax, Int32(max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
        #endif
    }
}
