import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the running process has used, for the summaries of long runs.
public enum ProcessResources {
    /// The process's peak resident set size [MB] (`getrusage`; Linux reports KiB, Darwin bytes); 0 when
    /// the system does not say.
    public static func peakResidentMegabytes() -> Int {
        var usage = rusage()
        #if os(Linux)
            let who = RUSAGE_SELF.rawValue
        #else
            let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        #if os(Linux)
            return Int(usage.ru_maxrss) / 1024
        #else
            return Int(usage.ru_maxrss) / (1024 * 1024)
        #endif
    }
}
