import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator, set for a process that builds a few hundred megabytes of small objects
/// on every core and then exits. Set before any thread starts.
enum MallocSettings {
    static func apply() {
        #if canImport(Glibc)
        // `mallopt` is not in Swift's Glibc module; it is looked up instead (absent outside glibc).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        // Each thread that allocates gets an arena of its own, up to eight per core. The folder
        // walk may run more threads than cores (while they wait on a cold disk), and their
        // arenas stay mapped once used: more memory at the peak, for no speed. Arenas are
        // capped at the core count.
        let arenaMax: Int32 = -8  // M_ARENA_MAX in <malloc.h>
        _ = mallopt(arenaMax, Int32(max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
        // A heap grows by what a request needs plus this pad, one system call each time: by
        // the default 128 KB, a warm `list` of a large repository spends a noticeable part of
        // its time in `mprotect` calls; with the pad it makes a few dozen. The pad is address
        // space, not memory, but setting it also fixes glibc's threshold for serving large
        // blocks by `mmap` instead of letting it rise: warm runs peak a little higher, for less time.
        let topPad: Int32 = -2  // M_TOP_PAD
        _ = mallopt(topPad, 64 << 20)
        #endif
    }
}
