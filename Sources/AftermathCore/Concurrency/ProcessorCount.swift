#if canImport(Glibc)
import Glibc
#endif

/// The cores this process may run on: how many threads parallel work starts. The one place
/// the count is asked (parsing, walks, output, and the allocator's arenas all use it).
public enum ProcessorCount {
    public static var online: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }
}
