import CGLPK

/// Gives memory the process has freed back to the system. glibc's allocator keeps freed blocks
/// in its heaps (one per thread that allocates) for reuse, so a large plan's resident memory
/// creeps up while neighbourhood after neighbourhood builds and drops its submodel and GLPK its
/// problem, although little of it is alive. `malloc_trim(0)` returns every free page of every
/// heap; it costs a few milliseconds, so callers use it between large steps, not inside them.
public enum MemoryRelease {
    /// Returns free heap pages to the system (Linux with glibc; nothing elsewhere).
    public static func now() {
        #if os(Linux)
        _ = malloc_trim(0)
        #endif
    }
}
