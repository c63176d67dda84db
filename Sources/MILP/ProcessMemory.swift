import Foundation

/// The process's resident memory, for callers that keep a search under a memory ceiling (how
/// many GLPK problems to solve at once). Linux only: read from `/proc/self/statm`.
public enum ProcessMemory {
    /// Resident bytes now; nil where the system does not say.
    public static func residentBytes() -> Int? {
        #if os(Linux)
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
        return nil
        #endif
    }
}
